package dev.confab.server.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory {@link RateLimiter} using the generic cell rate algorithm (see {@link RateSchedule}): a key
 * may use {@code permits} at once, and each comes back {@code window / permits} after it was used.
 * Keys whose permits have all come back are dropped at most once per window (the schedule's burst), so
 * memory follows the active keys.
 */
public final class LocalRateLimiter implements RateLimiter {
    private final RateSchedule schedule;
    private final Clock clock;
    private final ConcurrentHashMap<String, Long> arrivals = new ConcurrentHashMap<>();
    private volatile long lastSweepMicros;

    public LocalRateLimiter(int permits, Duration window, Clock clock) {
        this.schedule = new RateSchedule(permits, window);
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(String key) {
        long now = RateSchedule.micros(clock);
        sweep(now);
        boolean[] allowed = new boolean[1];
        arrivals.compute(key, (k, theoretical) -> {
            long next = schedule.next(theoretical == null ? 0 : theoretical, now);
            allowed[0] = next != RateSchedule.REFUSED;
            return allowed[0] ? next : theoretical;
        });
        return allowed[0];
    }

    private void sweep(long now) {
        if (now - lastSweepMicros >= schedule.burstMicros()) {
            lastSweepMicros = now;
            arrivals.values().removeIf(theoretical -> theoretical <= now);
        }
    }
}
