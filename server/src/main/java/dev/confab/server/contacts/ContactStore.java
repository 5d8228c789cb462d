package dev.confab.server.contacts;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.events.RecordedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Friendships, friend requests and blocks, changed atomically together with the events that report
 * the changes.
 *
 * <p>Contract: blocking, thread-safe, throws {@link dev.confab.server.errors.StoreUnavailableException}
 * when the database cannot be reached (then nothing was committed). Reads see committed data only.
 */
public interface ContactStore {

    /**
     * Runs {@code work} in one transaction and commits. Returns its result together with the events it
     * recorded (with their seqs), for live delivery after the commit. If {@code work} throws, everything
     * is rolled back and the exception propagates. Concurrent transactions on the same pair of accounts
     * are serialised by {@link ContactWrites#lockPair}.
     */
    <R> Committed<R> write(Function<ContactWrites, R> work);

    /** The result of a committed {@link #write} and the events it recorded, in recording order. */
    record Committed<R>(R result, List<RecordedEvent> events) {
    }

    /**
     * A request by id, unlocked. Callers that change it read it here first (to learn its two accounts),
     * then, inside {@link #write}, lock the pair and re-read it with {@link ContactWrites#requestForUpdate}:
     * pair first, request second, the lock order every contact transaction follows.
     */
    java.util.Optional<FriendRequest> request(FriendRequestId id);

    /** The account's friends, oldest friendship first. */
    List<Friend> friends(AccountId account);

    /** Open requests to the account (pending, not expired, not withheld), newest first. */
    List<FriendRequest> incoming(AccountId account, Instant now);

    /** Open requests from the account (pending, not expired; withheld ones too), newest first. */
    List<FriendRequest> outgoing(AccountId account, Instant now);

    /** The accounts the owner blocked, newest first. */
    List<Block> blocked(AccountId owner);

    boolean areFriends(AccountId a, AccountId b);

    boolean isBlocked(AccountId blocker, AccountId blocked);

    /** The account's friends minus those the account blocked: who may see its presence. */
    Set<AccountId> presenceAudience(AccountId account);
}
