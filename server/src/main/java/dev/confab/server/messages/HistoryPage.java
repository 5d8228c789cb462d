package dev.confab.server.messages;

import java.util.List;

/**
 * Messages as one member may read them, ascending by seq, and whether more follow in the direction
 * asked. {@code firstSeq} is the lowest seq this member may read (history before their joining, or
 * removed by retention, lies below it): nothing below it is returned and its absence is not a gap.
 */
public record HistoryPage(List<Message> messages, boolean hasMore, long firstSeq) {
}
