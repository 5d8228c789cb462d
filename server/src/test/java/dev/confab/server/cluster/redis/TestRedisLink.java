package dev.confab.server.cluster.redis;

import dev.confab.server.testing.TestRedis;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RedisLink} to the test Redis under a fresh key prefix, on a Vert.x of its own. Opening skips
 * the test when there is no Redis (see {@link TestRedis#url}); closing deletes every key under the prefix.
 */
final class TestRedisLink implements AutoCloseable {
    private final Vertx vertx;
    private final RedisLink link;
    private final String prefix;

    private TestRedisLink(Vertx vertx, RedisLink link, String prefix) {
        this.vertx = vertx;
        this.link = link;
        this.prefix = prefix;
    }

    static TestRedisLink open() {
        String url = TestRedis.url();
        String prefix = TestRedis.newPrefix();
        Vertx vertx = Vertx.vertx();
        return new TestRedisLink(vertx, new RedisLink(vertx, url, prefix, Duration.ofSeconds(5)), prefix);
    }

    RedisLink link() {
        return link;
    }

    Vertx vertx() {
        return vertx;
    }

    @Override
    public void close() throws Exception {
        try {
            link.close();
            TestRedis.deleteKeys(prefix);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
