package dev.confab.server.conversations;

import java.time.Instant;

/**
 * A conversation with its settings and counters. {@code alias} is a room's public id (null otherwise).
 * {@code minSeq} is the lowest seq still stored (1 unless retention removed older messages).
 * {@code disbandedAt} is set once a group or room is disbanded: it is then read-only.
 */
public record ConversationDetails(ConversationId id, ConversationKind kind, String alias,
                                  ConversationSettings settings, int memberCount, long lastSeq, long minSeq,
                                  Instant createdAt, Instant disbandedAt) {

    public boolean disbanded() {
        return disbandedAt != null;
    }
}
