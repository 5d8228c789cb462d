package dev.confab.server.messages;

import dev.confab.server.conversations.ConversationId;

/**
 * Persistent, ordered message history: the source of truth for delivery.
 *
 * <p>Contract: blocking, thread-safe, throws {@link dev.confab.server.errors.StoreUnavailableException}
 * when the database cannot be reached (and then nothing was committed).
 */
public interface MessageStore {

    /**
     * Stores a message in one transaction: assigns the next seq of its conversation (last seq + 1, so
     * seqs are gap-free and strictly increasing; a unique key on (conversation, seq) backs it), inserts
     * it, bumps the conversation's last seq and update time, and moves the sender's read position to the
     * new seq. Returns only after commit.
     *
     * <p>Idempotent: when a message with the same (sender, sender device, client message id) exists, the
     * stored one is returned with {@code duplicate = true} and nothing is written. A database unique key
     * enforces this, so concurrent resends, on one node or many, store exactly one message.
     *
     * <p>The sender must be a member of the conversation and the conversation must not be disbanded, both
     * checked atomically with the seq assignment (a member removed a moment earlier cannot slip a message
     * in): otherwise {@code conversation.not_found} or {@code conversation.disbanded} is thrown and nothing
     * is written. A resend of a message stored before that still returns it.
     */
    AppendResult append(NewMessage message);

    /** The lowest seq of a withheld message from {@code sender} in the conversation, or Long.MAX_VALUE when none. */
    long firstWithheldSeq(dev.confab.server.conversations.ConversationId conversation,
                          dev.confab.server.accounts.AccountId sender);

    /**
     * Removes the conversation's oldest messages so that at most {@code keepLast} remain (0: no count
     * limit) and none was sent before {@code notBefore} (null: no age limit), in one transaction that
     * locks the conversation (sends wait). Raises the conversation's lowest stored seq accordingly, never
     * lowers it, and returns it. Removed messages' idempotency keys go with them.
     */
    long prune(dev.confab.server.conversations.ConversationId conversation, int keepLast, java.time.Instant notBefore);

    /** The message stored under an idempotency key, if any. */
    java.util.Optional<Message> findSent(dev.confab.server.accounts.AccountId sender, String senderDeviceId,
                                         String clientMessageId);

    /** Up to {@code limit} messages with seq greater than {@code afterSeq}, ascending (the caller clamps the lower bound). */
    MessageSlice after(ConversationId conversation, long afterSeq, int limit);

    /** Up to {@code limit} messages with seq less than {@code beforeSeq}, the newest of them, ascending. */
    MessageSlice before(ConversationId conversation, long beforeSeq, int limit);
}
