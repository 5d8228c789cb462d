package dev.confab.server.conversations;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.messages.Message;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Operations inside one membership transaction (see {@link MembershipStore#write}); all commit or roll
 * back together. Valid only inside the work function that received it; not thread-safe.
 */
public interface MembershipWrites {

    /**
     * Creates a group or room with no members yet.
     *
     * @throws dev.confab.server.errors.ConfabException {@code room.alias_taken} when the alias exists
     *                                                  (case-insensitively)
     */
    ConversationDetails create(NewConversation conversation);

    /**
     * Locks the conversation row until the transaction ends (sends to it wait meanwhile, as they bump its
     * seq), and returns it; empty when it does not exist or is DIRECT. Call it before anything else.
     */
    Optional<ConversationDetails> lock(ConversationId conversation);

    Optional<Membership> membership(ConversationId conversation, AccountId account);

    /** Adds a member (member count + 1). The caller checks capacity and that they are not a member yet. */
    void addMember(ConversationId conversation, AccountId account, MemberRole role, long visibleFromSeq, Instant at);

    /** A member to add with {@link #addMembers}. */
    record NewMember(AccountId account, MemberRole role, long visibleFromSeq) {
    }

    /**
     * Adds many members at once, in batched inserts (member count + their number), each as
     * {@link #addMember} would. The caller checks capacity and that none of them is a member yet.
     */
    void addMembers(ConversationId conversation, List<NewMember> members, Instant at);

    /** Removes a member (member count - 1); false if they were not one. */
    boolean removeMember(ConversationId conversation, AccountId account);

    void setRole(ConversationId conversation, AccountId account, MemberRole role);

    void updateSettings(ConversationId conversation, ConversationSettings settings);

    void markDisbanded(ConversationId conversation, Instant at);

    /** The current members' account ids. */
    List<AccountId> memberIds(ConversationId conversation);

    /**
     * Appends a system message (content type {@code application/vnd.confab.system+json}, sender
     * {@code actor}, device {@code system}, a fresh unique client message id) with the conversation's
     * next seq, exactly like a user message.
     */
    Message appendSystemMessage(ConversationId conversation, AccountId actor, String jsonBody, Instant at);
}
