package dev.confab.server.cluster.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.limits.RateLimiter;
import dev.confab.server.limits.RateLimiterContract;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RedisRateLimiter} whose Redis is unreachable (a closed port): it counts on this node instead,
 * so it still passes the whole contract. Needs no Redis.
 */
class RedisRateLimiterFallbackTest extends RateLimiterContract {

    private static Vertx vertx;
    private static RedisLink link;

    @BeforeAll
    static void connectToNothing() {
        vertx = Vertx.vertx();
        link = new RedisLink(vertx, "redis://127.0.0.1:1", "confab-unreachable:", Duration.ofMillis(300));
    }

    @AfterAll
    static void close() throws Exception {
        link.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    protected RateLimiter limiter(int permits, Duration window, Clock clock) {
        return new RedisRateLimiter(link, "login", permits, window, clock);
    }

    @Test
    void limitsOnThisNodeWhenRedisIsUnreachable() {
        RateLimiter limiter = limiter(2, Duration.ofMinutes(1), clock);

        assertThat(limiter.tryAcquire("login:alice")).isTrue();
        assertThat(limiter.tryAcquire("login:alice")).isTrue();
        assertThat(limiter.tryAcquire("login:alice")).isFalse();
        assertThat(limiter.tryAcquire("login:bob")).isTrue();
    }
}
