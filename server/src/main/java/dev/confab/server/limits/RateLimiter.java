package dev.confab.server.limits;

/**
 * Counts events per key in fixed windows and says whether one more is allowed.
 *
 * <p>Contract: non-blocking, thread-safe; each call to {@link #tryAcquire} that returns true counts
 * against the key's current window. A single node keeps counts in memory; a cluster shares them.
 */
public interface RateLimiter {

    /** Counts one event for {@code key}; false when the key has used up its window. */
    boolean tryAcquire(String key);
}
