package dev.confab.server.cluster.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.limits.RateLimiter;
import dev.confab.server.limits.RateLimiterContract;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link RedisRateLimiter} against the test Redis; skipped when there is none. */
class RedisRateLimiterTest extends RateLimiterContract {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static TestRedisLink redis;
    private static RedisLink link;

    @BeforeAll
    static void connect() {
        redis = TestRedisLink.open();
        link = redis.link();
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected RateLimiter limiter(int permits, Duration window, Clock clock) {
        return new RedisRateLimiter(link, "test" + NAMES.incrementAndGet(), permits, window, clock);
    }

    @Test
    void keepsStateUnderAHashOfTheKeyThatExpiresWhenPermitsAreBack() {
        String name = "hashed" + NAMES.incrementAndGet();
        new RedisRateLimiter(link, name, 5, Duration.ofMinutes(1), clock).tryAcquire("login:alice");

        List<String> keys = keys(link.key("rate", name) + ":*");
        assertThat(keys).singleElement().asString().doesNotContainIgnoringCase("alice").doesNotContain("login");
        long ttl = link.call(Request.cmd(Command.PTTL).arg(keys.getFirst())).toLong();
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(2).toMillis());
    }

    @Test
    void twoLimitersWithTheSameNameShareTheirCounts() {
        String name = "shared" + NAMES.incrementAndGet();
        RateLimiter first = new RedisRateLimiter(link, name, 3, Duration.ofMinutes(1), clock);
        RateLimiter second = new RedisRateLimiter(link, name, 3, Duration.ofMinutes(1), clock);

        assertThat(first.tryAcquire("k")).isTrue();
        assertThat(second.tryAcquire("k")).isTrue();
        assertThat(first.tryAcquire("k")).isTrue();
        assertThat(second.tryAcquire("k")).isFalse();
    }

    private static List<String> keys(String pattern) {
        List<String> keys = new ArrayList<>();
        for (Response key : link.call(Request.cmd(Command.KEYS).arg(pattern))) {
            keys.add(key.toString());
        }
        return keys;
    }
}
