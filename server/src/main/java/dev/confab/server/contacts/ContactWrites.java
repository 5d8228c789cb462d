package dev.confab.server.contacts;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.events.AccountEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * Operations inside one contact transaction (see {@link ContactStore#write}). Everything done through
 * one instance commits or rolls back together, including the events {@link #record}ed. Valid only
 * inside the work function that received it; not thread-safe.
 */
public interface ContactWrites {

    /**
     * Serialises every contact change that involves both accounts: a second transaction calling this for
     * the same pair (in either order) waits until this one ends. Call it first.
     */
    void lockPair(AccountId a, AccountId b);

    /** The newest PENDING request from {@code from} to {@code to} (expired or not), if any. */
    Optional<FriendRequest> pendingRequest(AccountId from, AccountId to);

    /** The newest request from {@code from} to {@code to} in any status, if any. */
    Optional<FriendRequest> latestRequest(AccountId from, AccountId to);

    /** A request by id, locked against concurrent change until the transaction ends. */
    Optional<FriendRequest> requestForUpdate(FriendRequestId id);

    FriendRequest insertRequest(NewFriendRequest request);

    /** Sets the status and update time; returns the request as it now is. */
    FriendRequest setRequestStatus(FriendRequestId id, FriendRequestStatus status, Instant at);

    boolean areFriends(AccountId a, AccountId b);

    /** Makes a and b friends of each other (no remark); false if they already were. */
    boolean addFriendship(AccountId a, AccountId b, Instant since);

    /** Ends the friendship on both sides; false if there was none. */
    boolean removeFriendship(AccountId a, AccountId b);

    /** Sets (or clears, with null) the owner's remark for a friend; false if they are not friends. */
    boolean setRemark(AccountId owner, AccountId friend, String remark);

    boolean isBlocked(AccountId blocker, AccountId blocked);

    /** False if already blocked. */
    boolean block(AccountId blocker, AccountId blocked, Instant since);

    /** False if not blocked. */
    boolean unblock(AccountId blocker, AccountId blocked);

    /** Replaces the account's editable profile fields. */
    void updateProfile(AccountId account, dev.confab.server.accounts.ProfileFields fields);

    /** The account's friends (as seen inside this transaction). */
    java.util.List<AccountId> friendIds(AccountId account);

    /**
     * Appends {@code event} to the recipient's event log with the recipient's next event seq (gap-free,
     * strictly increasing per recipient, assigned in this transaction).
     */
    void record(AccountId recipient, AccountEvent event);
}
