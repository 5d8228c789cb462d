package dev.confab.protocol.model;

import java.time.Instant;

/**
 * A group or room as its members see it. {@code alias} is a room's public id. {@code myRole} is the
 * caller's role (null when the caller is not a member, e.g. in the room directory). {@code minSeq} is
 * the lowest seq still stored (raised by retention: keep at most {@code retentionMaxMessages}, none older
 * than {@code retentionMaxDays}; 0 means no limit); {@code disbandedAt} is set once the conversation is
 * read-only.
 */
public record ConversationDetailsView(long id, String kind, String alias, String title, String description,
                                      String avatar, String topic, String invitePolicy, String history,
                                      int historyLastN, int capacity, int retentionMaxMessages, long retentionMaxDays,
                                      int memberCount, long lastSeq, long minSeq, Instant createdAt,
                                      Instant disbandedAt, String myRole) {
}
