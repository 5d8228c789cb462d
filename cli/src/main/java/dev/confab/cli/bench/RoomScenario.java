package dev.confab.cli.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rooms of {@code members} people, {@code senders} of whom post at a set total rate; every member's
 * socket counts what it is handed. Delivery latency runs from the send to each member's receipt.
 */
final class RoomScenario {
    private final int rooms;
    private final int members;
    private final int senders;
    private final double rate;
    private final Duration warmup;
    private final Duration duration;

    RoomScenario(int rooms, int members, int senders, double rate, Duration warmup, Duration duration) {
        this.rooms = rooms;
        this.members = members;
        this.senders = Math.min(senders, members);
        this.rate = rate;
        this.warmup = warmup;
        this.duration = duration;
    }

    Map<String, Object> settings() {
        return Map.of("rooms", rooms, "members", members, "sendersPerRoom", senders, "messagesPerSecond", rate,
                "warmupSeconds", warmup.toSeconds(), "seconds", duration.toSeconds());
    }

    Map<String, Object> run(Target target, Clients clients) throws Exception {
        List<Account> accounts = target.provision(rooms * members);
        long[] room = new long[rooms];
        for (int r = 0; r < rooms; r++) {
            room[r] = target.createRoom(accounts.subList(r * members, (r + 1) * members), members);
        }
        String run = Long.toString(System.nanoTime(), 36);
        Latencies delivery = new Latencies();
        Counters counters = new Counters();
        AtomicLong deliveries = new AtomicLong();
        ConcurrentHashMap<String, Boolean> pending = new ConcurrentHashMap<>();
        Fleet fleet = new Fleet(clients, target::webSocket, accounts, (i, f) -> {
            switch (f.path("type").asText()) {
                case "ack" -> {
                    if (pending.remove(f.path("id").asText()) != null) {
                        counters.acked.incrementAndGet();
                    }
                }
                case "message" -> {
                    String body = f.path("message").path("body").asText();
                    if (body.startsWith("t")) {
                        delivery.recordNanos(System.nanoTime() - Long.parseLong(body.substring(1)));
                        deliveries.incrementAndGet();
                    }
                }
                case "error" -> counters.errors.incrementAndGet();
                default -> { }
            }
        });
        double connectRate = fleet.connectAll(256);
        Pace pace = new Pace(clients.vertx());
        pace.start(rate, n -> {
            int r = n % rooms;
            int sender = r * members + (n / rooms) % senders;
            String id = run + "-" + n;
            pending.put(id, Boolean.TRUE);
            counters.sent.incrementAndGet();
            fleet.socket(sender).send(Frames.send(id, room[r], "t" + System.nanoTime()));
        });
        Thread.sleep(warmup.toMillis());
        delivery.reset();
        long deliveredBefore = deliveries.get();
        long sentBefore = counters.sent.get();
        long from = System.nanoTime();
        Thread.sleep(duration.toMillis());
        long delivered = deliveries.get() - deliveredBefore;
        long sent = counters.sent.get() - sentBefore;
        double seconds = (System.nanoTime() - from) / 1e9;
        pace.stop();
        Waits.until(Duration.ofSeconds(60), pending::isEmpty, "outstanding acks");
        long expected = counters.acked.get() * (members - 1);
        Waits.until(Duration.ofSeconds(60), () -> deliveries.get() >= expected, "outstanding deliveries");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("connectPerSecond", connectRate);
        out.put("messagesPerSecond", sent / seconds);
        out.put("deliveriesPerSecond", delivered / seconds);
        out.putAll(counters.asMap());
        out.put("deliveries", deliveries.get());
        out.put("deliveriesMissing", Math.max(0, expected - deliveries.get()));
        out.put("delivery", delivery.summary());
        fleet.dropAll();
        return out;
    }
}
