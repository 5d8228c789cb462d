package dev.confab.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The {@link RateLimiter} contract, which every implementation passes. */
public abstract class RateLimiterContract {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    protected final MutableClock clock = new MutableClock();

    /** A new limiter whose keys no other limiter of the test class shares. */
    protected abstract RateLimiter limiter(int permits, Duration window, Clock clock);

    @Test
    void allowsThePermitsOfAWindowThenRefuses() {
        RateLimiter limiter = limiter(3, WINDOW, clock);

        assertThat(attempts(limiter, "login:alice", 5)).containsExactly(true, true, true, false, false);
    }

    @Test
    void countsEachKeySeparately() {
        RateLimiter limiter = limiter(2, WINDOW, clock);

        assertThat(attempts(limiter, "login:alice", 3)).containsExactly(true, true, false);
        assertThat(attempts(limiter, "login:bob", 3)).containsExactly(true, true, false);
        assertThat(attempts(limiter, "send:alice", 1)).containsExactly(true);
    }

    @Test
    void permitsComeBackOneIntervalApart() {
        RateLimiter limiter = limiter(3, WINDOW, clock);
        assertThat(attempts(limiter, "key", 4)).containsExactly(true, true, true, false);

        clock.advance(WINDOW.dividedBy(3).minusMillis(1));
        assertThat(limiter.tryAcquire("key")).as("just before the first permit comes back").isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(attempts(limiter, "key", 2)).as("one permit back after window / permits").containsExactly(true, false);

        clock.advance(WINDOW.multipliedBy(5));
        assertThat(attempts(limiter, "key", 4)).as("all back after a quiet window").containsExactly(true, true, true, false);
    }

    @Test
    void noBoundaryLetsTwiceTheLimitThrough() {
        RateLimiter limiter = limiter(10, WINDOW, clock);
        clock.advance(WINDOW.minusSeconds(1));
        long allowed = attempts(limiter, "key", 10).stream().filter(a -> a).count();
        clock.advance(Duration.ofSeconds(2));
        allowed += attempts(limiter, "key", 10).stream().filter(a -> a).count();

        assertThat(allowed).as("ten at once, and nothing back within two seconds").isEqualTo(10);
    }

    @Test
    void aLimitBeyondOnePerMicrosecondStillAllowsItsBurst() {
        RateLimiter limiter = limiter(100_000_000, Duration.ofSeconds(10), clock);

        assertThat(attempts(limiter, "key", 1000)).doesNotContain(false);
    }

    @Test
    void concurrentAttemptsNeverGetMoreThanThePermits() throws Exception {
        RateLimiter limiter = limiter(25, WINDOW, clock);
        int threads = 50;
        int perThread = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> allowed = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < threads; i++) {
                allowed.add(executor.submit(() -> {
                    start.await();
                    return IntStream.range(0, perThread).filter(n -> limiter.tryAcquire("busy")).count();
                }));
            }
            start.countDown();
            long total = 0;
            for (Future<Long> f : allowed) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(25);
        }
        assertThat(limiter.tryAcquire("quiet")).isTrue();
    }

    private static List<Boolean> attempts(RateLimiter limiter, String key, int count) {
        return IntStream.range(0, count).mapToObj(i -> limiter.tryAcquire(key)).toList();
    }
}
