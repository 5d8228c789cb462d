package dev.confab.server.conversations;

import dev.confab.server.accounts.AccountId;
import java.util.List;
import java.util.Set;

/**
 * Persistent conversations and their members.
 *
 * <p>Contract: blocking, thread-safe, throws {@link dev.confab.server.errors.StoreUnavailableException}
 * when the database cannot be reached.
 */
public interface ConversationStore {

    /**
     * The DIRECT conversation of {@code a} and {@code b} (a != b), created with both as members when it
     * does not exist. Idempotent and race-safe across nodes: concurrent calls for the same pair, in any
     * order of arguments, return the same id (a unique key on the ordered pair enforces it).
     */
    ConversationId findOrCreateDirect(AccountId a, AccountId b);

    boolean isMember(ConversationId conversation, AccountId account);

    /** The conversation's kind; empty when it does not exist. */
    java.util.Optional<ConversationKind> kind(ConversationId conversation);

    /** Members of the conversation; empty when it does not exist. */
    List<AccountId> members(ConversationId conversation);

    /**
     * The member's conversations, most recently updated first (ties by descending id), at most
     * {@code limit}; with {@code after} set, only those that sort after that position.
     */
    List<ConversationSummary> listFor(AccountId account, ConversationPosition after, int limit);

    /**
     * Moves the member's read position forward to {@code seq} (capped at the conversation's last seq);
     * never moves it backwards. Returns the read position after the call.
     */
    long markRead(ConversationId conversation, AccountId account, long seq);

    /**
     * Moves the member's delivered position forward to {@code seq} (capped at the conversation's last
     * seq); never backwards. Returns the position after the call.
     */
    long markDelivered(ConversationId conversation, AccountId account, long seq);

    /** Every member's delivered and read positions. */
    List<ReceiptPosition> positions(ConversationId conversation);

    /** Every account that shares at least one GROUP (not disbanded) with {@code account}, excluding itself. */
    Set<AccountId> groupPeersOf(AccountId account);

    /** Whether the two accounts share at least one GROUP that is not disbanded. */
    boolean shareGroup(AccountId a, AccountId b);
}
