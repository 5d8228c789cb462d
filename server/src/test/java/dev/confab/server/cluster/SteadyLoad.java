package dev.confab.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.client.BackoffPolicy;
import dev.confab.client.ConfabConnection;
import dev.confab.client.ConnectionListener;
import dev.confab.client.ConnectionOptions;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.SendAck;
import dev.confab.server.testing.ClusterNodes;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.ServerProcess;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;

/**
 * Senders, each a real client-library connection placed by node assignment, post to one group at a
 * steady pace while a test breaks something; a receiver listens. {@link #verify} then checks the
 * acks every sender got against what PostgreSQL holds, and what the receiver was handed against both.
 */
final class SteadyLoad implements AutoCloseable {
    private static final ConnectionOptions OPTIONS = ConnectionOptions.defaults()
            .withBackoff(new BackoffPolicy(Duration.ofMillis(50), Duration.ofMillis(800), 2.0));

    private final ClusterNodes cluster;
    private final List<ConfabConnection> senders = new ArrayList<>();
    private final List<CompletableFuture<SendAck>> sends = new CopyOnWriteArrayList<>();
    private final Map<Long, AtomicInteger> handedToReceiver = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pace = Executors.newScheduledThreadPool(2);
    private final AtomicInteger attempted = new AtomicInteger();
    private ConfabConnection receiver;
    private ClusterUser owner;
    private long group;

    SteadyLoad(ClusterNodes cluster) {
        this.cluster = cluster;
    }

    /** Registers the users, makes the group and connects everyone (spread by assignment). */
    void prepare(int senderCount) throws Exception {
        HttpJson http = cluster.node(0).http();
        owner = ClusterUser.register(http, "owner");
        List<ClusterUser> users = new ArrayList<>();
        for (int i = 0; i <= senderCount; i++) {
            ClusterUser u = ClusterUser.register(cluster.node(i % 3).http(), "load");
            owner.befriend(http, u);
            users.add(u);
        }
        StringBuilder ids = new StringBuilder();
        users.forEach(u -> ids.append(ids.isEmpty() ? "" : ",").append(u.id()));
        var created = http.post("/api/v1/groups", owner.token(), "{\"title\":\"Load\",\"memberIds\":[" + ids + "]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        group = created.body().path("id").asLong();
        List<URI> seeds = cluster.nodes().stream().map(n -> URI.create("http://127.0.0.1:" + n.port())).toList();
        ConnectionOptions options = OPTIONS.withSeeds(seeds);
        receiver = connect(seeds.get(0), users.getFirst(), new ConnectionListener() {
            @Override
            public void onMessage(MessageView message) {
                if (message.conversationId() == group) {
                    handedToReceiver.computeIfAbsent(message.seq(), s -> new AtomicInteger()).incrementAndGet();
                }
            }
        }, options);
        for (int i = 1; i <= senderCount; i++) {
            senders.add(connect(seeds.get(i % seeds.size()), users.get(i), new ConnectionListener() { }, options));
        }
    }

    private static ConfabConnection connect(URI base, ClusterUser user, ConnectionListener listener, ConnectionOptions options)
            throws Exception {
        ConfabConnection c = new ConfabConnection(base, user.token(), listener, options);
        c.connect().get(20, TimeUnit.SECONDS);
        return c;
    }

    /** How many connections sit on the node listening on {@code port}. */
    long connectionsOn(ServerProcess node) {
        return senders.stream().filter(c -> c.connectedTo().map(u -> u.getPort() == node.port()).orElse(false)).count();
    }

    /** Every sender posts one message each {@code every} until {@link #stop}. */
    void start(Duration every) {
        for (int i = 0; i < senders.size(); i++) {
            ConfabConnection sender = senders.get(i);
            int n = i;
            AtomicInteger count = new AtomicInteger();
            pace.scheduleAtFixedRate(() -> {
                attempted.incrementAndGet();
                sends.add(sender.send(group, "sender " + n + " message " + count.incrementAndGet()));
            }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        pace.shutdownNow();
    }

    /**
     * Senders on nodes other than the receiver's each send {@code perSender} messages and wait for the
     * acks, so the receiver can learn of them only through the cluster (or a resync). Returns how many
     * senders took part.
     */
    int burstAwayFromReceiver(int perSender) {
        int receiverPort = receiver.connectedTo().orElseThrow().getPort();
        List<ConfabConnection> away = senders.stream()
                .filter(c -> c.connectedTo().map(u -> u.getPort() != receiverPort).orElse(false)).toList();
        List<CompletableFuture<SendAck>> burst = new ArrayList<>();
        for (ConfabConnection sender : away) {
            for (int i = 0; i < perSender; i++) {
                burst.add(sender.send(group, "away message " + i));
            }
        }
        sends.addAll(burst);
        attempted.addAndGet(burst.size());
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        return away.size();
    }

    /** Sends so far (to let a test wait until load is flowing). */
    int attempted() {
        return attempted.get();
    }

    /**
     * Waits for every send to settle, then checks: every acked message is stored once with the seq and
     * id of its ack; seqs are 1..N without a gap; the receiver was handed every stored message exactly once.
     */
    void verify() {
        CompletableFuture.allOf(sends.stream().map(f -> f.handle((a, e) -> null)).toArray(CompletableFuture[]::new))
                .orTimeout(120, TimeUnit.SECONDS).join();
        List<SendAck> acks = sends.stream().filter(f -> !f.isCompletedExceptionally()).map(CompletableFuture::join).toList();
        long failed = sends.stream().filter(CompletableFuture::isCompletedExceptionally).count();
        assertThat(failed).as("sends that never got an ack").isZero();

        Map<Long, JsonNode> stored = storedMessages();
        assertThat(stored.keySet()).as("seqs 1..N, no gap").containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.rangeClosed(1, stored.size()).boxed().toList());
        Map<String, Integer> perClientId = new HashMap<>();
        stored.values().stream().map(m -> m.path("clientMessageId").asText(""))
                .filter(id -> !id.isEmpty()).forEach(id -> perClientId.merge(id, 1, Integer::sum));
        assertThat(perClientId.values()).as("no message stored twice").allMatch(n -> n == 1);
        for (SendAck ack : acks) {
            JsonNode m = stored.get(ack.seq());
            assertThat(m).as("acked seq " + ack.seq() + " is stored").isNotNull();
            assertThat(m.path("id").asLong()).isEqualTo(ack.messageId());
            assertThat(m.path("clientMessageId").asText()).isEqualTo(ack.clientMessageId());
        }
        Awaitility.await("receiver catches up").atMost(Duration.ofSeconds(60))
                .until(() -> handedToReceiver.keySet().containsAll(stored.keySet()));
        assertThat(handedToReceiver.values()).as("each message handed over once").allMatch(n -> n.get() == 1);
        assertThat(acks).hasSizeGreaterThan(senders.size() * 10);
    }

    private Map<Long, JsonNode> storedMessages() {
        HttpJson http = cluster.node(0).http();
        Map<Long, JsonNode> stored = new HashMap<>();
        long after = 0;
        while (true) {
            JsonNode page = http.get("/api/v1/conversations/" + group + "/messages?after=" + after + "&limit=500", owner.token()).body();
            page.path("messages").forEach(m -> stored.put(m.path("seq").asLong(), m));
            if (page.path("messages").isEmpty() || !page.path("hasMore").asBoolean()) {
                return stored;
            }
            after = stored.keySet().stream().mapToLong(Long::longValue).max().orElse(after);
        }
    }

    @Override
    public void close() {
        pace.shutdownNow();
        senders.forEach(ConfabConnection::close);
        if (receiver != null) {
            receiver.close();
        }
    }
}
