package dev.confab.protocol.model;

import java.time.Instant;

/**
 * One conversation in the caller's list. {@code kind} is DIRECT, GROUP or ROOM; {@code peer} is the
 * other person of a DIRECT conversation and {@code title} the name of a group or room. {@code unread} counts messages after {@code readSeq} that
 * others sent. {@code lastMessage} may be null for an empty conversation.
 */
public record ConversationView(long id, String kind, UserView peer, String title, long lastSeq, long readSeq, long unread,
                               MessageView lastMessage, Instant updatedAt) {
}
