package dev.confab.protocol.model;

import java.util.List;

/** Events in ascending seq order; when {@code hasMore}, sync again with {@code after = cursor}. */
public record EventPage(List<EventView> events, boolean hasMore, Long cursor) {
}
