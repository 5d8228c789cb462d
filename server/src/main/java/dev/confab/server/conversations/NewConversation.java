package dev.confab.server.conversations;

import java.time.Instant;

/** Input for {@link MembershipWrites#create}: a GROUP (no alias) or a ROOM (with its unique alias). */
public record NewConversation(ConversationKind kind, String alias, ConversationSettings settings, Instant createdAt) {
}
