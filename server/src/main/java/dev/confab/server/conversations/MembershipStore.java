package dev.confab.server.conversations;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.messages.Message;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Groups and rooms: their settings and members, changed atomically together with the system messages
 * that record the changes in the timeline.
 *
 * <p>Contract: blocking, thread-safe, throws {@link dev.confab.server.errors.StoreUnavailableException}
 * when the database cannot be reached (then nothing was committed).
 */
public interface MembershipStore {

    /**
     * Runs {@code work} in one transaction and commits; returns its result and the system messages it
     * appended, for live delivery after commit. If {@code work} throws, everything rolls back.
     */
    <R> Committed<R> write(Function<MembershipWrites, R> work);

    /** A committed {@link #write}: its result and the system messages it appended, in seq order. */
    record Committed<R>(R result, List<Message> systemMessages) {
    }

    /** A group or room; empty for unknown ids and DIRECT conversations. */
    Optional<ConversationDetails> details(ConversationId conversation);

    Optional<Membership> membership(ConversationId conversation, AccountId account);

    /** Members, owner first, then admins, then members by joining time. */
    List<Membership> members(ConversationId conversation);

    /** Groups and rooms (not disbanded) that have a retention limit. */
    List<ConversationDetails> withRetention();

    /** A room by alias, ignoring case. */
    Optional<ConversationDetails> roomByAlias(String alias);

    /**
     * Public rooms (not disbanded) whose alias or title starts with {@code prefix} (ignoring case), or all
     * when it is empty; alias order, at most {@code limit}.
     */
    List<ConversationDetails> searchRooms(String prefix, int limit);
}
