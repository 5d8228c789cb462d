package dev.confab.server.limits;

import java.time.Clock;
import java.time.Duration;

/**
 * The generic cell rate algorithm (GCRA), the arithmetic both rate limiters share. Each key keeps one
 * number, its theoretical arrival time: when all of its permits will have come back. An event at
 * {@code now} is allowed when that time, pushed one interval ({@code window / permits}) further, is at
 * most one window ahead of {@code now}; the pushed time is then stored.
 *
 * <p>So a fresh key may use {@code permits} events at once, then one more every interval, and never
 * more than {@code permits} within the first window. Unlike fixed windows, there is no boundary where
 * a client can get twice the limit by straddling two windows. Times are microseconds since the epoch,
 * small enough (about 2^51) to be exact in Redis's Lua numbers as well.
 */
public final class RateSchedule {
    /** Returned by {@link #next} when the event is refused. */
    public static final long REFUSED = -1;

    private final long intervalMicros;
    private final long burstMicros;

    /**
     * A limit of more than one event per microsecond (a benchmark's "no limit") refills one permit per
     * microsecond, still after a burst of {@code permits}.
     *
     * @throws IllegalArgumentException unless permits ≥ 1 and the window is positive
     */
    public RateSchedule(int permits, Duration window) {
        long windowMicros = window.toNanos() / 1000;
        if (permits < 1 || windowMicros < 1) {
            throw new IllegalArgumentException("permits must be positive and the window at least a microsecond");
        }
        this.intervalMicros = Math.max(1, windowMicros / permits);
        this.burstMicros = intervalMicros * permits;
    }

    /** Microseconds between one permit coming back and the next. */
    public long intervalMicros() {
        return intervalMicros;
    }

    /** Longest a permit stays used: the theoretical arrival time is never further ahead of now than this. */
    public long burstMicros() {
        return burstMicros;
    }

    /**
     * The key's new theoretical arrival time if an event at {@code nowMicros} is allowed, else
     * {@link #REFUSED}.
     *
     * @param theoreticalMicros the stored time, or 0 for a key never seen (or forgotten)
     */
    public long next(long theoreticalMicros, long nowMicros) {
        long next = Math.max(theoreticalMicros, nowMicros) + intervalMicros;
        return next - nowMicros <= burstMicros ? next : REFUSED;
    }

    /** The clock's time in microseconds since the epoch (at millisecond resolution). */
    public static long micros(Clock clock) {
        return Math.multiplyExact(clock.millis(), 1000L);
    }
}
