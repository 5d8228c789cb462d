package dev.confab.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pairs exchanging direct messages at a set total rate. End-to-end latency is measured from just
 * before the send frame is written to when the partner's socket hands over the pushed message (both
 * ends live in this process, so one clock serves); ack latency from the send to its ack.
 */
final class DirectScenario {
    private final int pairs;
    private final double rate;
    private final Duration warmup;
    private final Duration duration;

    DirectScenario(int pairs, double rate, Duration warmup, Duration duration) {
        this.pairs = pairs;
        this.rate = rate;
        this.warmup = warmup;
        this.duration = duration;
    }

    Map<String, Object> settings() {
        return Map.of("pairs", pairs, "ratePerSecond", rate, "warmupSeconds", warmup.toSeconds(), "seconds", duration.toSeconds());
    }

    Map<String, Object> run(Target target, Clients clients) throws Exception {
        List<Account> accounts = target.provision(2 * pairs);
        String run = Long.toString(System.nanoTime(), 36);
        Latencies endToEnd = new Latencies();
        Latencies ackTimes = new Latencies();
        Counters counters = new Counters();
        ConcurrentHashMap<String, Long> pending = new ConcurrentHashMap<>();
        long[] conversation = new long[pairs];
        Fleet fleet = new Fleet(clients, target::webSocket, accounts, (i, f) -> {
            switch (f.path("type").asText()) {
                case "ack" -> {
                    String id = f.path("id").asText();
                    Long t0 = pending.remove(id);
                    if (t0 != null && !id.contains("-w")) {
                        ackTimes.recordNanos(System.nanoTime() - t0);
                        counters.acked.incrementAndGet();
                    }
                    conversation[i % pairs] = f.path("ack").path("conversationId").asLong();
                }
                case "message" -> {
                    String body = f.path("message").path("body").asText();
                    if (body.startsWith("t")) {
                        endToEnd.recordNanos(System.nanoTime() - Long.parseLong(body.substring(1)));
                        counters.received.incrementAndGet();
                    }
                }
                case "error" -> counters.errors.incrementAndGet();
                default -> { }
            }
        });
        double connectRate = fleet.connectAll(256);
        for (int p = 0; p < pairs; p++) {
            String id = run + "-w" + p;
            pending.put(id, System.nanoTime());
            fleet.socket(p).send(Frames.sendTo(id, accounts.get(pairs + p).username(), "hello"));
        }
        Waits.until(Duration.ofSeconds(60), () -> pending.isEmpty(), "warm-up acks");
        Pace pace = new Pace(clients.vertx());
        pace.start(rate, n -> {
            int pair = n % pairs;
            boolean forward = (n / pairs) % 2 == 0;
            int from = forward ? pair : pairs + pair;
            String id = run + "-" + n;
            long now = System.nanoTime();
            pending.put(id, now);
            counters.sent.incrementAndGet();
            fleet.socket(from).send(Frames.send(id, conversation[pair], "t" + now));
        });
        Thread.sleep(warmup.toMillis());
        endToEnd.reset();
        ackTimes.reset();
        long sentBefore = counters.sent.get();
        long ackedBefore = counters.acked.get();
        long receivedBefore = counters.received.get();
        long measuredFrom = System.nanoTime();
        Thread.sleep(duration.toMillis());
        long sentInWindow = counters.sent.get() - sentBefore;
        long ackedInWindow = counters.acked.get() - ackedBefore;
        long receivedInWindow = counters.received.get() - receivedBefore;
        double seconds = (System.nanoTime() - measuredFrom) / 1e9;
        pace.stop();
        Waits.until(Duration.ofSeconds(120), () -> pending.isEmpty(), "outstanding acks");
        Waits.until(Duration.ofSeconds(60), () -> counters.received.get() >= counters.acked.get(), "outstanding deliveries");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("connectPerSecond", connectRate);
        out.put("messagesPerSecond", sentInWindow / seconds);
        out.put("ackedPerSecond", ackedInWindow / seconds);
        out.put("receivedPerSecond", receivedInWindow / seconds);
        out.putAll(counters.asMap());
        out.put("lost", Math.max(0, counters.acked.get() - counters.received.get()));
        out.put("endToEnd", endToEnd.summary());
        out.put("ack", ackTimes.summary());
        fleet.dropAll();
        return out;
    }
}
