package dev.confab.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Direct messages flowing between neighbouring accounts of a held fleet (0 with 1, 2 with 3, …), so
 * that a {@code connections} run also carries traffic. With the fleet spread over nodes round-robin,
 * neighbours sit on different nodes and every message crosses the cluster bus. First each pair's
 * conversation is opened with one message (at most {@code inFlight} at once), then messages go at the
 * set rate, alternating direction, until {@link #stop}. Counts and the end-to-end latency histogram
 * (send to the partner's push, one clock) are reported so that several processes' figures can be
 * merged.
 *
 * <p>Like a real client, an account told to {@code resync} (its node lost the cluster bus for a moment,
 * so pushes may be missing) syncs its conversation from the start and counts what it had not received;
 * a message is counted once, however it arrived, with its latency up to then. {@code resyncs} counts
 * those pushes. A send or sync refused with an error is tried again after a jittered backoff that doubles
 * per refusal, the send with its client message id unchanged; {@code errors} counts the refusals.
 */
final class MessageFlow {
    private final Fleet fleet;
    private final List<Account> accounts;
    private final String run = Long.toString(System.nanoTime(), 36);
    private final Counters counters = new Counters();
    private final Latencies endToEnd = new Latencies();
    /** Each send not yet acked, by request id: the sending account's index and the frame, to retry it as is. */
    private final ConcurrentHashMap<String, Outstanding> pending = new ConcurrentHashMap<>();
    private volatile Clients clients;
    /** Refusals so far of each retried request, for its backoff. */
    private final ConcurrentHashMap<String, Integer> attempts = new ConcurrentHashMap<>();
    private final long[] conversation;
    private final Semaphore openings;
    /** Messages counted as received, by conversation and seq (each has one recipient). */
    private final java.util.Set<Long> delivered = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong resyncs = new java.util.concurrent.atomic.AtomicLong();
    private Pace pace;
    private volatile long pacedFrom;
    private volatile long pacedUntil;

    MessageFlow(Fleet fleet, List<Account> accounts, int inFlight) {
        this.fleet = fleet;
        this.accounts = accounts;
        this.conversation = new long[accounts.size() / 2];
        this.openings = new Semaphore(inFlight);
    }

    int pairs() {
        return conversation.length;
    }

    /** Handles a frame that arrived for account {@code i}; give every frame of the fleet here. */
    void onFrame(int i, JsonNode f) {
        switch (f.path("type").asText()) {
            case "ack" -> {
                String id = f.path("id").asText();
                if (pending.remove(id) == null) {
                    return;
                }
                if (id.contains("-w")) {
                    conversation[i / 2] = f.path("ack").path("conversationId").asLong();
                    openings.release();
                } else {
                    counters.acked.incrementAndGet();
                }
            }
            case "message" -> received(f.path("message"), i);
            case "messages" -> {
                JsonNode page = f.path("page");
                page.path("messages").forEach(m -> received(m, i));
                if (page.path("hasMore").asBoolean() && !page.path("messages").isEmpty()) {
                    long last = page.path("messages").get(page.path("messages").size() - 1).path("seq").asLong();
                    fleet.socket(i).send(Frames.sync("r" + i, conversation[i / 2], last, 500));
                }
            }
            case "resync" -> {
                resyncs.incrementAndGet();
                if (conversation[i / 2] != 0) {
                    fleet.socket(i).send(Frames.sync("r" + i, conversation[i / 2], 0, 500));
                }
            }
            case "error" -> {
                counters.errors.incrementAndGet();
                String id = f.path("id").asText();
                if (id.contains("-w") && pending.remove(id) != null) {
                    openings.release();
                } else if (id.startsWith("r")) {
                    // A sync refused (the server was busy): try again, as a client would.
                    later(id, () -> fleet.socket(i).send(Frames.sync(id, conversation[i / 2], 0, 500)));
                } else {
                    // A send refused: send it again with the same client message id, which makes a retry of
                    // a message that was stored after all come back as the original.
                    Outstanding send = pending.get(id);
                    if (send != null) {
                        later(id, () -> fleet.socket(send.from()).send(send.frame()));
                    }
                }
            }
            default -> { }
        }
    }

    /**
     * Runs {@code retry} after a backoff that doubles with each refusal of the same request (0.5 s up to
     * 30 s) and is jittered, as the client library backs off, so that refusals under overload do not come
     * back all at once.
     */
    private void later(String id, Runnable retry) {
        int attempt = attempts.merge(id, 1, Integer::sum);
        long ceiling = Math.min(30_000, 500L << Math.min(6, attempt - 1));
        long delay = ceiling / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        clients.vertx().setTimer(Math.max(1, delay), t -> retry.run());
    }

    /** Counts a timed message from the partner of account {@code i} the first time it arrives. */
    private void received(JsonNode message, int i) {
        String body = message.path("body").asText();
        if (!body.startsWith("t") || message.path("senderId").asLong() == accounts.get(i).id()) {
            return;
        }
        if (delivered.add(message.path("conversationId").asLong() * 1_000_000_000L + message.path("seq").asLong())) {
            endToEnd.recordNanos(System.nanoTime() - Long.parseLong(body.substring(1)));
            counters.received.incrementAndGet();
        }
    }

    /** Opens every pair's conversation, then sends {@code perSecond} messages in all until {@link #stop}. */
    void start(Clients clients, double perSecond) throws InterruptedException {
        this.clients = clients;
        for (int p = 0; p < pairs(); p++) {
            openings.acquire();
            String id = run + "-w" + p;
            String frame = Frames.sendTo(id, accounts.get(2 * p + 1).username(), "hello");
            pending.put(id, new Outstanding(2 * p, frame));
            fleet.socket(2 * p).send(frame);
        }
        Waits.until(Duration.ofMinutes(5), pending::isEmpty, "conversations opened");
        endToEnd.reset();
        pacedFrom = System.nanoTime();
        pace = new Pace(clients.vertx());
        pace.start(perSecond, n -> {
            int pair = n % pairs();
            int from = 2 * pair + (n / pairs()) % 2;
            String id = run + "-" + n;
            String frame = Frames.send(id, conversation[pair], "t" + System.nanoTime());
            pending.put(id, new Outstanding(from, frame));
            counters.sent.incrementAndGet();
            fleet.socket(from).send(frame);
        });
    }

    /** Stops sending and waits (up to a minute) for the acks and deliveries still on their way. */
    void stop() throws InterruptedException {
        if (pace != null) {
            pace.stop();
            pacedUntil = System.nanoTime();
        }
        // A wait that gives up shows in the counts: sends never acked, acks never delivered.
        Waits.until(Duration.ofSeconds(60), pending::isEmpty, "outstanding acks");
        Waits.until(Duration.ofSeconds(60), () -> counters.received.get() >= counters.acked.get(), "outstanding deliveries");
    }

    /** Counts and the latency histogram (compressed, base64), for {@link #merge}. */
    Map<String, Object> report() {
        Map<String, Object> out = new LinkedHashMap<>(counters.asMap());
        out.put("resyncs", resyncs.get());
        out.put("seconds", pacedUntil > pacedFrom ? (pacedUntil - pacedFrom) / 1e9 : 0);
        Histogram h = endToEnd.snapshot();
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        out.put("endToEndHistogram", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)));
        return out;
    }

    /** Sums the counts of several {@link #report}s and merges their latency histograms. */
    static Map<String, Object> merge(List<JsonNode> reports) throws Exception {
        Histogram all = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        long sent = 0;
        long acked = 0;
        long received = 0;
        long errors = 0;
        long resyncs = 0;
        double perSecond = 0;
        for (JsonNode r : reports) {
            double seconds = r.path("seconds").asDouble();
            perSecond += seconds > 0 ? r.path("sent").asLong() / seconds : 0;
            sent += r.path("sent").asLong();
            acked += r.path("acked").asLong();
            received += r.path("received").asLong();
            errors += r.path("errors").asLong();
            resyncs += r.path("resyncs").asLong();
            byte[] bytes = Base64.getDecoder().decode(r.path("endToEndHistogram").asText());
            all.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("messagesPerSecond", perSecond);
        out.put("sent", sent);
        out.put("acked", acked);
        out.put("received", received);
        out.put("errors", errors);
        out.put("lost", Math.max(0, acked - received));
        out.put("resyncs", resyncs);
        out.put("endToEnd", Latencies.summary(all));
        return out;
    }

    /** A send waiting for its ack. */
    private record Outstanding(int from, String frame) {
    }
}
