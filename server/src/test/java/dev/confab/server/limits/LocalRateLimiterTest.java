package dev.confab.server.limits;

import java.time.Clock;
import java.time.Duration;

class LocalRateLimiterTest extends RateLimiterContract {

    @Override
    protected RateLimiter limiter(int permits, Duration window, Clock clock) {
        return new LocalRateLimiter(permits, window, clock);
    }
}
