package dev.confab.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.WireJson;
import dev.confab.server.app.config.ServerConfig;
import dev.confab.server.conversations.MemberCache;
import dev.confab.server.testing.TestRedis;
import dev.confab.server.transport.ws.ConnectionRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cluster-wide chores (the retention sweep) run on one node per period, not on every node. */
class ClusterChoreTest {
    private final Vertx vertx = Vertx.vertx();
    private String prefix;

    @AfterEach
    void cleanUp() {
        vertx.close().await();
        if (prefix != null) {
            TestRedis.deleteKeys(prefix);
        }
    }

    private ClusterNodeMode node(String redis, String id) {
        var cluster = new ServerConfig.Cluster(redis, id, prefix, Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofMillis(500), Duration.ZERO, 100_000);
        var registry = new ConnectionRegistry(e -> "", (r, d) -> null);
        return new ClusterNodeMode(cluster, vertx, Executors.newVirtualThreadPerTaskExecutor(), registry,
                new MemberCache(null, 10, Duration.ofMinutes(1)), () -> URI.create("http://127.0.0.1:1/"), new WireJson());
    }

    @Test
    void oneNodePerPeriodClaimsAChore() {
        String redis = TestRedis.url();
        prefix = TestRedis.newPrefix();
        ClusterNodeMode first = node(redis, "n1");
        ClusterNodeMode second = node(redis, "n2");
        Duration period = Duration.ofMillis(400);
        assertThat(first.claim("retention", period)).isTrue();
        assertThat(second.claim("retention", period)).isFalse();
        assertThat(first.claim("retention", period)).as("not twice in one period, even by the same node").isFalse();
        assertThat(second.claim("another chore", period)).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> second.claim("retention", period));
    }

    @Test
    void withoutRedisEveryNodeRunsItsChores() {
        prefix = null;
        String unreachable = "redis://127.0.0.1:1";
        var cluster = new ServerConfig.Cluster(unreachable, "n1", "confab-test-unreachable:", Duration.ofSeconds(1),
                Duration.ofSeconds(3), Duration.ofMillis(300), Duration.ZERO, 100_000);
        var mode = new ClusterNodeMode(cluster, vertx, Executors.newVirtualThreadPerTaskExecutor(),
                new ConnectionRegistry(e -> "", (r, d) -> null), new MemberCache(null, 10, Duration.ofMinutes(1)),
                () -> URI.create("http://127.0.0.1:1/"), new WireJson());
        assertThat(mode.claim("retention", Duration.ofSeconds(10))).isTrue();
        assertThat(mode.claim("retention", Duration.ofSeconds(10))).isTrue();
    }
}
