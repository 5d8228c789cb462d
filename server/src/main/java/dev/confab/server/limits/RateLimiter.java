package dev.confab.server.limits;

/**
 * Counts events per key in fixed windows and says whether one more is allowed.
 *
 * <p>Contract: thread-safe; every call to {@link #tryAcquire} counts against the key's current window,
 * and at most the configured number of calls per key and window return true. A single node keeps counts
 * in memory; a cluster shares them, so a call may block for one round trip to the shared state: call it
 * only from blocking code (virtual threads), never on an event loop. It does not fail when the shared
 * state is unreachable; it then counts on this node alone. Keys may hold personal data (usernames), so
 * implementations must not log them.
 */
public interface RateLimiter {

    /** Counts one event for {@code key}; false when the key has used up its window. */
    boolean tryAcquire(String key);
}
