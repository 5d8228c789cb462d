package dev.confab.server.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistent sessions, looked up by the SHA-256 hash of their bearer token.
 *
 * <p>Contract: blocking, thread-safe, throws {@link dev.confab.server.errors.StoreUnavailableException}
 * when the database cannot be reached. One session per (account, device): {@link #create} atomically
 * removes any older session of the same account and device and reports it, so its sockets can be closed.
 */
public interface SessionStore {

    /**
     * Stores {@code session} with the hash of its token; returns the ids of sessions of the same account
     * and device that it replaced (removed in the same transaction), usually none.
     */
    default List<SessionId> create(Session session, byte[] tokenHash) {
        return create(session, tokenHash, false);
    }

    /**
     * As {@link #create(Session, byte[])}; with {@code replaceAll} every other session of the account is
     * removed in the same transaction (single-session policy). Creations for one account are serialised,
     * so of two concurrent logins the later one survives, never neither or both.
     */
    List<SessionId> create(Session session, byte[] tokenHash, boolean replaceAll);

    Optional<Session> findByTokenHash(byte[] tokenHash);

    /** The account's sessions, newest first. */
    List<Session> listByAccount(AccountId accountId);

    /** Records use; implementations may skip the write when the stored value is recent. */
    void touch(SessionId id, Instant lastUsedAt);

    /** Removes the session if it belongs to {@code accountId}; returns whether it did. */
    boolean delete(AccountId accountId, SessionId id);

    /** Removes every session of the account except {@code keep} (may be null); returns the removed ids. */
    List<SessionId> deleteAllExcept(AccountId accountId, SessionId keep);

    /** Removes sessions past their absolute expiry or idle for longer than {@code idleLimit}; returns their ids. */
    List<SessionId> deleteExpired(Instant now, java.time.Duration idleLimit);
}
