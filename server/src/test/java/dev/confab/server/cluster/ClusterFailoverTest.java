package dev.confab.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.testing.ClusterNodes;
import dev.confab.server.testing.RedisServerProcess;
import dev.confab.server.testing.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures under a steady send load, with real client-library connections: a node killed with SIGKILL,
 * and Redis killed and started again empty. Every acked message must be stored exactly once, seqs stay
 * gap-free, and every client ends up with every message exactly once.
 */
class ClusterFailoverTest {
    private static final Map<String, String> SETTINGS = Map.of("messages.sends-per-window", "100000");
    private static final int SENDERS = 6;
    private static final Duration PACE = Duration.ofMillis(40);

    @TempDir
    Path dir;

    @Test
    void killingANodeUnderLoadLosesNoAckedMessage() throws Exception {
        try (ClusterNodes cluster = ClusterNodes.start(3, dir, SETTINGS); SteadyLoad load = new SteadyLoad(cluster)) {
            load.prepare(SENDERS);
            ServerProcess victim = cluster.nodes().subList(1, 3).stream()
                    .max(Comparator.comparingLong(load::connectionsOn)).orElseThrow();
            assertThat(load.connectionsOn(victim)).as("assignment put senders on the victim").isPositive();
            load.start(PACE);
            awaitSends(load, SENDERS * 20);
            victim.kill();
            awaitSends(load, load.attempted() + SENDERS * 40);
            load.stop();
            load.verify();
            assertThat(load.connectionsOn(victim)).as("its clients moved to live nodes").isZero();
        }
    }

    @Test
    void redisRestartUnderLoadLosesNothing() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start();
             ClusterNodes cluster = ClusterNodes.start(3, dir, redis.url(), SETTINGS);
             SteadyLoad load = new SteadyLoad(cluster)) {
            load.prepare(SENDERS);
            load.start(PACE);
            awaitSends(load, SENDERS * 20);
            redis.kill();
            awaitSends(load, load.attempted() + SENDERS * 30);
            load.stop();
            // While Redis is down, only senders on other nodes than the receiver's send: no live
            // message will show the receiver a gap, so only the resync on Redis's return can.
            assertThat(load.burstAwayFromReceiver(5)).isPositive();
            redis.startAgain();
            load.verify();
        }
    }

    private static void awaitSends(SteadyLoad load, int total) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> load.attempted() >= total);
    }
}
