package dev.confab.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Every connection drops at once and comes back. Clients are in pairs; each side sends {@code perClient}
 * messages to the other and the acks give the newest seq of each pair's conversation. Then all sockets
 * close at once (pushes in flight are lost), all reconnect at once, and each syncs its conversation
 * from the last seq it had seen. Reported: time from the reconnect until every client holds every
 * message, and how many messages no client recovered (must be 0). The relay keeps no history, so
 * there the figure is the reconnect alone.
 */
final class StormScenario {
    private final int clients;
    private final int perClient;

    StormScenario(int clients, int perClient) {
        this.clients = clients - clients % 2;
        this.perClient = perClient;
    }

    Map<String, Object> settings() {
        return Map.of("clients", clients, "messagesPerClient", perClient);
    }

    Map<String, Object> run(Target target, Clients pool) throws Exception {
        int pairs = clients / 2;
        boolean history = !target.name().equals("relay");
        List<Account> accounts = target.provision(clients);
        long[] conversation = new long[pairs];
        AtomicLongArray newest = new AtomicLongArray(pairs);
        AtomicLongArray seen = new AtomicLongArray(clients);
        AtomicInteger acks = new AtomicInteger();
        AtomicInteger caughtUp = new AtomicInteger();
        boolean[] syncing = {false};
        Fleet[] fleet = new Fleet[1];
        fleet[0] = new Fleet(pool, target::webSocket, accounts, (i, f) -> {
            int pair = i % pairs;
            switch (f.path("type").asText()) {
                case "ack" -> {
                    conversation[pair] = f.path("ack").path("conversationId").asLong();
                    newest.accumulateAndGet(pair, f.path("ack").path("seq").asLong(), Math::max);
                    seen.accumulateAndGet(i, f.path("ack").path("seq").asLong(), Math::max);
                    acks.incrementAndGet();
                }
                case "message" -> seen.accumulateAndGet(i, f.path("message").path("seq").asLong(), Math::max);
                case "hello" -> {
                    if (syncing[0]) {
                        if (!history) {
                            caughtUp.incrementAndGet();
                        } else {
                            fleet[0].socket(i).send(Frames.sync("s" + i, conversation[pair], seen.get(i), 500));
                        }
                    }
                }
                case "messages" -> syncPage(fleet[0], i, pair, f, conversation, newest, seen, caughtUp);
                default -> { }
            }
        });
        fleet[0].connectAll(512);
        // Setup, not measured: sends go out in windows so the server is not asked for thousands of
        // new conversations at once (each is its own transaction).
        for (int p = 0; p < pairs; p++) {
            window(acks, p, 256);
            fleet[0].socket(p).send(Frames.sendTo("open-" + p, accounts.get(p + pairs).username(), "storm"));
        }
        Waits.until(Duration.ofMinutes(10), () -> acks.get() >= pairs, "conversations to open");
        for (int round = 0; round < perClient; round++) {
            for (int i = 0; i < clients; i++) {
                window(acks, pairs + round * clients + i, 1024);
                fleet[0].socket(i).send(Frames.send("m" + round + "-" + i, conversation[i % pairs], "storm"));
            }
            int expected = pairs + (round + 1) * clients;
            int r = round;
            Waits.until(Duration.ofMinutes(10), () -> acks.get() >= expected, "acks of round " + r);
        }
        fleet[0].dropAll();
        fleet[0].connectTimes().reset();
        syncing[0] = true;
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            reconnect(pool, fleet[0], i);
        }
        boolean done = Waits.until(Duration.ofSeconds(120), () -> caughtUp.get() >= clients, "clients to resync");
        double seconds = (System.nanoTime() - start) / 1e9;
        long missing = 0;
        if (history) {
            for (int i = 0; i < clients; i++) {
                missing += Math.max(0, newest.get(i % pairs) - seen.get(i));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("messagesBeforeDrop", (long) acks.get());
        out.put("resyncedClients", caughtUp.get());
        out.put("secondsUntilAllResynced", done ? seconds : -1.0);
        out.put("messagesMissing", missing);
        out.put("reconnectTime", fleet[0].connectTimes().summary());
        fleet[0].dropAll();
        return out;
    }

    /** Reconnects like a client does: a refused or failed attempt is retried after a jittered pause. */
    private static void reconnect(Clients pool, Fleet fleet, int i) {
        fleet.connect(i).onFailure(e -> pool.vertx().setTimer(
                100 + java.util.concurrent.ThreadLocalRandom.current().nextInt(400), id -> reconnect(pool, fleet, i)));
    }

    /** Waits until at most {@code size} of the first {@code sent} sends are unacknowledged. */
    private static void window(AtomicInteger acks, int sent, int size) throws InterruptedException {
        if (sent - acks.get() >= size) {
            Waits.until(Duration.ofMinutes(5), () -> sent - acks.get() < size, "send window");
        }
    }

    private static void syncPage(Fleet fleet, int i, int pair, JsonNode f, long[] conversation, AtomicLongArray newest,
                                 AtomicLongArray seen, AtomicInteger caughtUp) {
        JsonNode page = f.path("page");
        page.path("messages").forEach(m -> seen.accumulateAndGet(i, m.path("seq").asLong(), Math::max));
        if (page.path("hasMore").asBoolean()) {
            fleet.socket(i).send(Frames.sync("s" + i, conversation[pair], seen.get(i), 500));
        } else if (seen.get(i) >= newest.get(pair)) {
            caughtUp.incrementAndGet();
        }
    }
}
