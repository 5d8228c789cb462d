package dev.confab.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before reconnecting. The n-th consecutive failed attempt (n = 0, 1, ...) waits a
 * random delay in {@code [max(min, c/2), c]} where {@code c = min(max, min * multiplier^(n+1))}, so
 * every delay lies within {@code [min, max]}, grows geometrically, and clients that lost the same
 * server at the same moment spread their attempts out. A successful connection starts over at n = 0.
 *
 * @param min        the shortest delay; positive
 * @param max        the longest delay; at least {@code min}
 * @param multiplier growth per failed attempt; at least 1
 */
public record BackoffPolicy(Duration min, Duration max, double multiplier) {

    public BackoffPolicy {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || min.isZero()) {
            throw new IllegalArgumentException("backoff min must be positive: " + min);
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff max " + max + " is below min " + min);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("backoff multiplier must be a finite number >= 1: " + multiplier);
        }
    }

    /** 250 ms doubling up to 30 s. */
    public static BackoffPolicy defaults() {
        return new BackoffPolicy(Duration.ofMillis(250), Duration.ofSeconds(30), 2.0);
    }
}
