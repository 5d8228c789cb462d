package dev.confab.server.cluster.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.cluster.LocalEndpoints;
import dev.confab.server.cluster.SessionEnd;
import dev.confab.server.events.UserEvent;
import dev.confab.server.testing.TcpProxy;
import dev.confab.server.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Two nodes' buses on a real Redis. Node A publishes through a TCP proxy that the test cuts, while both
 * subscriptions stay up: A's failed message pushes must make node B resync exactly their recipients once
 * Redis answers A again, and nobody else, and a failed session end must still close the session on B; a
 * node that resyncs every connection spreads the frames out.
 */
class TargetedResyncTest {
    private static final String RESYNC = "{\"type\":\"resync\"}";

    @Test
    void aFailedPublishResyncsOnlyItsRecipientsOnOtherNodes() throws Exception {
        String redisUrl = TestRedis.url();
        URI direct = URI.create(redisUrl);
        String prefix = TestRedis.newPrefix();
        Vertx vertx = Vertx.vertx();
        try (TcpProxy proxy = new TcpProxy(direct.getHost(), direct.getPort())) {
            String viaProxy = redisUrl.replace(":" + direct.getPort(), ":" + proxy.port());
            RedisLink linkA = new RedisLink(vertx, viaProxy, prefix, Duration.ofMillis(500));
            RedisLink linkB = new RedisLink(vertx, redisUrl, prefix, Duration.ofSeconds(5));
            Endpoints a = new Endpoints(List.of());
            Endpoints b = new Endpoints(List.of(new AccountId(1), new AccountId(2), new AccountId(3)));
            AtomicInteger cacheDropsOnB = new AtomicInteger();
            RedisClusterBus busA = new RedisClusterBus(vertx, linkA, redisUrl, "a", a, c -> { }, () -> { }, RESYNC,
                    Runnable::run, Duration.ZERO, 100);
            RedisClusterBus busB = new RedisClusterBus(vertx, linkB, redisUrl, "b", b, c -> { },
                    cacheDropsOnB::incrementAndGet, RESYNC, Runnable::run, Duration.ZERO, 100);
            try {
                busA.start();
                busB.start();
                // Both subscribed and A's link up: a push from A reaches B.
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    busA.publish(List.of(new AccountId(1)), event());
                    return !b.frames.isEmpty();
                });
                // The loop's publishes are answered in order on A's one connection: once a PING after
                // them is answered, none is still in flight to fail when the proxy is cut.
                linkA.call(Request.cmd(Command.PING));
                b.frames.clear();

                proxy.cut();
                busA.publish(List.of(new AccountId(2), new AccountId(9)), event());
                await().atMost(Duration.ofSeconds(10)).until(() -> !linkA.reachable());
                assertThat(b.frames).as("nothing crossed while A could not publish")
                        .noneMatch(f -> f.recipients().contains(new AccountId(2)) || f.frame().equals(RESYNC));

                proxy.restore();
                // The next command reconnects A's link, which flushes what it missed.
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    linkA.send(Request.cmd(Command.PING));
                    return b.frames.stream().anyMatch(f -> f.frame().equals(RESYNC));
                });
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(b.frames)
                        .filteredOn(f -> f.frame().equals(RESYNC))
                        .singleElement().satisfies(f -> assertThat(f.recipients()).containsExactlyInAnyOrder(
                                new AccountId(2), new AccountId(9))));
                assertThat(cacheDropsOnB.get()).as("a targeted resync keeps member caches").isZero();

                // A logout whose publish fails still closes the session's sockets on B once A reaches Redis.
                linkA.call(Request.cmd(Command.PING));
                proxy.cut();
                busA.endSessions(List.of(new SessionId("gone")), SessionEnd.ENDED, null);
                await().atMost(Duration.ofSeconds(10)).until(() -> !linkA.reachable());
                assertThat(b.closed).isEmpty();
                proxy.restore();
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    linkA.send(Request.cmd(Command.PING));
                    return !b.closed.isEmpty();
                });
                assertThat(b.closed).containsExactly(new SessionId("gone"));
            } finally {
                busA.close();
                busB.close();
                linkA.close();
                linkB.close();
                TestRedis.deleteKeys(prefix);
            }
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void aResyncOfEveryoneIsSpreadOutAndDropsTheMemberCache() throws Exception {
        try (TestRedisLink redis = TestRedisLink.open()) {
            List<AccountId> connected = new ArrayList<>();
            for (long a = 1; a <= 50; a++) {
                connected.add(new AccountId(a));
            }
            Endpoints node = new Endpoints(connected);
            AtomicInteger cacheDrops = new AtomicInteger();
            RedisClusterBus bus = new RedisClusterBus(redis.vertx(), redis.link(), TestRedis.url(), "b", node, c -> { },
                    cacheDrops::incrementAndGet, RESYNC, Runnable::run, Duration.ofMillis(500), 100);
            try {
                bus.start();
                String everyone = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(BusEnvelope.resync("a"));
                await().atMost(Duration.ofSeconds(20)).until(() -> redis.link()
                        .call(Request.cmd(Command.PUBLISH).arg(redis.link().key("bus")).arg(everyone)).toLong() == 1);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(node.frames.stream()
                        .flatMap(f -> f.recipients().stream())).containsExactlyInAnyOrderElementsOf(connected));
                assertThat(node.frames).allSatisfy(f -> assertThat(f.frame()).isEqualTo(RESYNC));
                assertThat(node.frames).as("sent in slices over the spread").hasSizeGreaterThan(1);
                assertThat(cacheDrops.get()).isEqualTo(1);
            } finally {
                bus.close();
            }
        }
    }

    private static UserEvent event() {
        return new UserEvent.PresenceChanged(new AccountId(5), "alice", true, null);
    }

    record Delivery(List<AccountId> recipients, String frame) {
    }

    /** A node's connections, recording what it is asked to queue. */
    static final class Endpoints implements LocalEndpoints {
        final List<Delivery> frames = new CopyOnWriteArrayList<>();
        final List<SessionId> closed = new CopyOnWriteArrayList<>();
        private final List<AccountId> connected;

        Endpoints(List<AccountId> connected) {
            this.connected = connected;
        }

        @Override
        public void deliver(Collection<AccountId> recipients, UserEvent event) {
            deliverFrame(recipients, encoder().apply(event), null);
        }

        @Override
        public void deliverFrame(Collection<AccountId> recipients, String frame, Object skipConnection) {
            frames.add(new Delivery(new ArrayList<>(recipients), frame));
        }

        @Override
        public void closeSessions(Collection<SessionId> sessions, SessionEnd reason, String byDeviceName) {
            closed.addAll(sessions);
        }

        @Override
        public int connectionCount() {
            return connected.size();
        }

        @Override
        public List<AccountId> connectedAccounts() {
            return connected;
        }

        @Override
        public Function<UserEvent, String> encoder() {
            return e -> "{\"type\":\"event\"}";
        }
    }
}
