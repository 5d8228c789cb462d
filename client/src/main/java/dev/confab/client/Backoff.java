package dev.confab.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The reconnect delays of one connection under a {@link BackoffPolicy}: each {@link #nextDelay()} is
 * for one more consecutive failure; {@link #reset()} after a success starts over. Not thread-safe.
 */
final class Backoff {
    private final BackoffPolicy policy;
    private final DoubleSupplier random;
    private int failures;

    /**
     * @param random source of uniformly distributed numbers in {@code [0, 1)}
     */
    Backoff(BackoffPolicy policy, DoubleSupplier random) {
        this.policy = policy;
        this.random = random;
    }

    /** The delay before the next attempt; counts one more failure. */
    Duration nextDelay() {
        double minNanos = policy.min().toNanos();
        double maxNanos = policy.max().toNanos();
        double ceiling = Math.min(maxNanos, minNanos * Math.pow(policy.multiplier(), failures + 1));
        double floor = Math.max(minNanos, ceiling / 2);
        if (ceiling < maxNanos) {
            failures++;
        }
        double delay = floor + random.getAsDouble() * (ceiling - floor);
        return Duration.ofNanos((long) Math.min(ceiling, delay));
    }

    /** A connection succeeded: the next delay is the shortest again. */
    void reset() {
        failures = 0;
    }
}
