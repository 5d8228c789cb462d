package dev.confab.server.limits;

/**
 * Counts events per key and says whether one more is allowed: at most {@code permits} at once, each
 * coming back {@code window / permits} after it was used ({@link RateSchedule}).
 *
 * <p>Contract: thread-safe; every allowed call to {@link #tryAcquire} uses one of the key's permits; of
 * calls within one window, at most the configured number return true. A single node keeps counts
 * in memory; a cluster shares them, so a call may block for one round trip to the shared state: call it
 * only from blocking code (virtual threads), never on an event loop. It does not fail when the shared
 * state is unreachable; it then counts on this node alone. Keys may hold personal data (usernames), so
 * implementations must not log them.
 */
public interface RateLimiter {

    /** Counts one event for {@code key}; false when the key has used up its window. */
    boolean tryAcquire(String key);
}
