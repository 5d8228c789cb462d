package dev.confab.server.messages;

import java.util.List;

/** Messages in ascending seq order and whether more exist beyond them in the direction asked. */
public record MessageSlice(List<Message> messages, boolean hasMore) {
}
