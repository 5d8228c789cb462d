package dev.confab.server.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory fixed-window {@link RateLimiter}: at most {@code permits} events per key per {@code window}.
 * Windows of idle keys are dropped as new windows start, so memory follows the active keys.
 */
public final class LocalRateLimiter implements RateLimiter {
    private final int permits;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastSweepWindow;

    public LocalRateLimiter(int permits, Duration window, Clock clock) {
        if (permits < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("permits and window must be positive");
        }
        this.permits = permits;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(String key) {
        long windowIndex = clock.millis() / windowMillis;
        sweep(windowIndex);
        Window w = windows.compute(key, (k, old) ->
                old == null || old.index != windowIndex ? new Window(windowIndex, 1) : new Window(windowIndex, old.count + 1));
        return w.count <= permits;
    }

    private void sweep(long windowIndex) {
        if (windowIndex != lastSweepWindow) {
            lastSweepWindow = windowIndex;
            windows.values().removeIf(w -> w.index < windowIndex);
        }
    }

    private record Window(long index, int count) {
    }
}
