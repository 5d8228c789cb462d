package dev.confab.server.accounts;

import java.time.Instant;
import java.util.List;

/**
 * Accounts and sessions created many at a time, for provisioning (load tests, seeding): rows go to the
 * database in batched statements, a whole {@link Batch} in one transaction.
 *
 * <p>Contract: blocking, thread-safe, throws {@link dev.confab.server.errors.StoreUnavailableException}
 * when the database cannot be reached (then nothing of that call was committed). The rules are those of
 * {@link AccountStore#create} and {@link SessionStore#create}: usernames are unique ignoring case, and
 * there is one session per (account, device), creations for one account being serialised.
 */
public interface BulkAccountStore {

    /**
     * One account to provision: its username and the session to open for it, whose bearer token is
     * stored only as {@code tokenHash}.
     */
    record Seat(String username, SessionId sessionId, String deviceId, byte[] tokenHash) {
    }

    /**
     * Seats (usernames distinct ignoring case) and what they share: the password hash of accounts that
     * are created, the device name and times of the sessions, and whether a session replaces every other
     * session of its account ({@link SessionPolicy#SINGLE_SESSION}) or only the one on its device.
     */
    record Batch(List<Seat> seats, String passwordHash, String deviceName, Instant now, Instant sessionExpiresAt,
                 boolean replaceAll) {
    }

    /** An account as provisioned: its id, its username as stored, and whether this call created it. */
    record Seated(AccountId id, String username, boolean created) {
    }

    /** The accounts in seat order, and the ids of the sessions that the new ones replaced. */
    record Result(List<Seated> accounts, List<SessionId> replaced) {
    }

    /**
     * In one transaction: creates the account of each seat whose username is free (ignoring case) with
     * the batch's password hash and creation time, and reuses the account that has the name otherwise
     * (leaving it as it is, password included); then stores each seat's session for its account, removing
     * that account's session on the same device (every other session of the account with
     * {@code replaceAll}), exactly as {@link SessionStore#create} does for one session.
     *
     * @throws IllegalArgumentException when two seats have the same username ignoring case
     */
    Result provision(Batch batch);
}
