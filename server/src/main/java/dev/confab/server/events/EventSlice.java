package dev.confab.server.events;

import java.util.List;

/** Events in ascending seq order and whether more follow. */
public record EventSlice(List<RecordedEvent> events, boolean hasMore) {
}
