package dev.confab.server.transport.ws;

import dev.confab.benchmarks.LoopbackClients;
import dev.confab.protocol.WireJson;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.api.EventData;
import dev.confab.server.api.ws.EventFrames;
import dev.confab.server.cluster.LocalBus;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.conversations.ConversationStore;
import dev.confab.server.conversations.MemberCache;
import dev.confab.server.events.UserEvent;
import dev.confab.server.messages.Message;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocketHandshake;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fan-out: one committed message turned into frames queued on the live connections of N recipients
 * (N accounts, one connection each), over real WebSockets.
 *
 * <p>What is real: a Vert.x HTTP server on 127.0.0.1 configured as the Confab server configures it
 * (message and frame size limits, compression offered), the production {@link WsConnection} (built
 * here, in its own package, the way {@link WsGateway} builds it, with the default outbound queue of
 * 1024 frames) and {@link ConnectionRegistry} with the production encoder ({@link EventFrames}), the
 * single-node {@link LocalBus}, and a warm {@link MemberCache}. N real client sockets run in a child
 * JVM ({@link LoopbackClients}) and count what they receive.
 *
 * <p>What is left out: authentication and the greeting (the connections are registered directly, as
 * the gateway does after the upgrade, and released with a fixed {@code hello}); the database commit
 * before a publish; per-message compression (the clients do not ask for it); the network (loopback).
 * The clients share the benchmark's 2 cores, so end-to-end times include the receiving side's work.
 *
 * <ul>
 *   <li>{@code publish}: what the sending request pays after its commit: member lookup (cache hit),
 *       {@code bus.publish}, the frame encoded once, and one {@code send} per connection, which queues
 *       the frame and schedules the write on the connection's event loop. The event loops write in
 *       parallel while the caller is still queueing, as in the server.</li>
 *   <li>{@code deliverFrame}: the same on a node that received an already encoded frame from the cluster
 *       bus ({@link ConnectionRegistry#deliverFrame}).</li>
 *   <li>{@code publishAndReceive}: {@code publish} until every client has received the frame
 *       (end to end on loopback, plus one pipe hop from the child JVM to report it).</li>
 * </ul>
 * After each {@code publish} and {@code deliverFrame}, outside the timed part, the benchmark waits until
 * every client has the frame, so each invocation starts with empty queues (one message arriving at an
 * idle server; back-to-back load without the wait would only fill the queues until the slow-consumer
 * limit closes connections). Any connection closed during the run fails the benchmark.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FanoutBenchmark {
    /** The default of {@code ws.outbound-queue-frames}. */
    private static final int QUEUE_LIMIT = 1024;
    private static final ConversationId CONVERSATION = new ConversationId(1207);

    @Param({"1", "100", "10000"})
    public int recipients;

    private Vertx vertx;
    private LoopbackClients clients;
    private ConnectionRegistry registry;
    private LocalBus bus;
    private MemberCache members;
    private Message message;
    private String frame;
    private List<AccountId> accounts;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private int undelivered;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        WireJson json = new WireJson();
        Clock clock = Clock.systemUTC();
        EventFrames encoder = new EventFrames(json, new EventData(json, clock));
        registry = new ConnectionRegistry(encoder, null);
        accounts = LongStream.rangeClosed(1, recipients).mapToObj(AccountId::new).toList();
        members = new MemberCache(membersOnly(accounts), 10_000, Duration.ofMinutes(10));
        bus = new LocalBus(registry, members::invalidate);
        message = new Message(98_311, CONVERSATION, 5_412, new AccountId(1), "device-1",
                "0b6f3c1e-6a4e-4d2c-9a59-3f1f0c7d2b11", "text/plain",
                "Lunch at noon? The place on the corner has a table for four, I booked it for us.",
                Instant.parse("2026-11-21T20:30:35.258Z"), false);
        frame = encoder.apply(new UserEvent.MessagePosted(message, null));

        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                        .setMaxWebSocketMessageSize(65_536).setMaxWebSocketFrameSize(1 << 20)
                        .setCompressionSupported(true).setPerMessageWebSocketCompressionSupported(false)
                        .setPerFrameWebSocketCompressionSupported(false))
                .webSocketHandshakeHandler(this::accept);
        server.listen().await();

        clients = LoopbackClients.start(server.actualPort(), recipients);
        clients.awaitConnected();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (opened.get() < recipients) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + opened.get() + " of " + recipients + " connections registered");
            }
            Thread.sleep(10);
        }
        String hello = json.encode(new ServerFrame.Hello(1, "s", "d", Instant.now(), 30, 10_000, 0));
        for (WsConnection c : registry.all()) {
            c.release(hello);
        }
        clients.awaitRound();
        // Warms both JVMs' socket paths (the clients' JVM sees no JMH warm-up of its own): rounds of
        // delivery until about 200,000 frames have arrived, or for 5 s at most.
        long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (int frames = 0; frames < 200_000 && System.nanoTime() < warmUntil; frames += recipients) {
            registry.deliverFrame(accounts, frame, null);
            clients.awaitRound();
        }
        if (registry.connectionCount() != recipients || closed.get() != 0) {
            throw new IllegalStateException("registry has " + registry.connectionCount() + " connections, " + closed.get() + " closed");
        }
    }

    private void accept(ServerWebSocketHandshake handshake) {
        String query = handshake.query();
        long account = Long.parseLong(query.substring(query.indexOf('=') + 1));
        handshake.accept().onSuccess(socket -> {
            var session = new AuthenticatedSession(new AccountId(account), "user" + account,
                    new SessionId("session-" + account), "device-" + account);
            WsConnection connection = new WsConnection(socket, vertx.getOrCreateContext(), session, QUEUE_LIMIT,
                    System.currentTimeMillis());
            socket.closeHandler(v -> {
                registry.remove(connection);
                closed.incrementAndGet();
            });
            registry.add(connection);
            opened.incrementAndGet();
        });
    }

    /** A store that only answers {@code members} (the cache calls nothing else). */
    private static ConversationStore membersOnly(List<AccountId> members) {
        return (ConversationStore) Proxy.newProxyInstance(ConversationStore.class.getClassLoader(),
                new Class<?>[] {ConversationStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("members")) {
                        return members;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Benchmark
    public void publish() {
        bus.publish(members.members(CONVERSATION), new UserEvent.MessagePosted(message, null));
        undelivered++;
    }

    @Benchmark
    public void deliverFrame() {
        registry.deliverFrame(accounts, frame, null);
        undelivered++;
    }

    @Benchmark
    public void publishAndReceive() throws IOException {
        bus.publish(members.members(CONVERSATION), new UserEvent.MessagePosted(message, null));
        clients.awaitRound();
    }

    /** Not timed: lets the last round arrive everywhere, and fails the run if any connection was lost. */
    @TearDown(Level.Invocation)
    public void awaitDelivered() throws IOException {
        for (; undelivered > 0; undelivered--) {
            clients.awaitRound();
        }
        if (closed.get() != 0) {
            throw new IllegalStateException(closed.get() + " connections were closed during the run");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (clients != null) {
            clients.close();
        }
        if (vertx != null) {
            vertx.close().await();
        }
    }
}
