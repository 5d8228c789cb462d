package dev.confab.server.app;

import dev.confab.protocol.CloseCodes;
import dev.confab.protocol.WireJson;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.server.app.config.ServerConfig;
import dev.confab.server.store.jdbc.Database;
import dev.confab.server.transport.ws.WsConnection;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Confab node. {@link #start} opens the database (migrating it), wires every service and
 * listens; {@link #close} shuts down gracefully: refuse new connections, tell connected clients to
 * reconnect elsewhere or later ({@code goaway}, then close 1001), let in-flight requests finish within
 * the grace period, then close the database.
 */
public final class ConfabServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfabServer.class);

    private final ServerConfig config;
    private final Vertx vertx;
    private final ExecutorService blockingThreads;
    private final Database database;
    private final ServerWiring wiring;
    private final HttpServer httpServer;
    private volatile boolean stopping;

    private ConfabServer(ServerConfig config, Vertx vertx, ExecutorService blockingThreads, Database database,
                         ServerWiring wiring, HttpServer httpServer) {
        this.config = config;
        this.vertx = vertx;
        this.blockingThreads = blockingThreads;
        this.database = database;
        this.wiring = wiring;
        this.httpServer = httpServer;
    }

    /** Starts a node and returns once it is listening. */
    public static ConfabServer start(ServerConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** As {@link #start(ServerConfig)} with the clock every service reads (tests pin or advance it). */
    public static ConfabServer start(ServerConfig config, Clock clock) {
        Database database = Database.open(config.database());
        Vertx vertx = Vertx.vertx();
        ExecutorService blockingThreads = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("confab-blocking-", 0).factory());
        ConfabServer[] self = new ConfabServer[1];
        java.util.concurrent.atomic.AtomicInteger boundPort = new java.util.concurrent.atomic.AtomicInteger();
        try {
            ServerWiring wiring = new ServerWiring(config, vertx, blockingThreads, database, clock,
                    () -> self[0] != null && !self[0].stopping && database.isReachable(),
                    () -> publicUrl(config.server(), boundPort.get()));
            // The configured limit is enforced per message, where Vert.x lets the gateway close with 1009.
            // A single frame far beyond it is cut off by Netty's decoder, which drops the TCP connection.
            int limit = config.ws().maxFrameBytes();
            // Strict thread mode: every response is written on its connection's event loop (BlockingCalls
            // completes on the calling context), so Vert.x writes directly instead of through a 4 KB
            // message-passing queue per HTTP connection, which it keeps for the whole life of a WebSocket
            // upgraded from it. A response written from another thread fails instead of being queued.
            HttpServerOptions options = new HttpServerOptions().setStrictThreadMode(true).setHost(config.server().host())
                    .setPort(config.server().port()).setMaxWebSocketMessageSize(limit)
                    .setMaxWebSocketFrameSize((int) Math.min(Integer.MAX_VALUE, Math.max(4L * limit, 1 << 20)))
                    .setCompressionSupported(true)
                    .setPerMessageWebSocketCompressionSupported(config.ws().permessageDeflate())
                    .setPerFrameWebSocketCompressionSupported(config.ws().permessageDeflate());
            HttpServer server = vertx.createHttpServer(options).requestHandler(wiring.router())
                    .webSocketHandshakeHandler(wiring.gateway());
            wiring.prepare();
            server.listen().await();
            boundPort.set(server.actualPort());
            wiring.startTimers();
            self[0] = new ConfabServer(config, vertx, blockingThreads, database, wiring, server);
            return self[0];
        } catch (RuntimeException e) {
            vertx.close();
            blockingThreads.shutdownNow();
            database.close();
            throw e;
        }
    }

    public int port() {
        return httpServer.actualPort();
    }

    /**
     * The URL clients use: the configured public URL, or http://HOST:PORT/ with the listening address
     * (localhost when listening on every interface).
     */
    public URI url() {
        return publicUrl(config.server(), port());
    }

    private static URI publicUrl(ServerConfig.Server server, int port) {
        if (!server.publicUrl().isEmpty()) {
            return URI.create(server.publicUrl());
        }
        String host = server.host();
        if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "localhost";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port + "/");
    }

    public int connectionCount() {
        return wiring.registry().connectionCount();
    }

    @Override
    public synchronized void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        long graceMillis = config.server().shutdownGrace().toMillis();
        wiring.mode().stopping();
        wiring.gateway().stopAccepting();
        String goaway = new WireJson().encode(new ServerFrame.GoAway("server shutting down", 1000));
        for (WsConnection c : wiring.registry().all()) {
            c.send(goaway);
            c.closeAfterQueued(CloseCodes.GOING_AWAY, "server shutting down");
        }
        try {
            httpServer.shutdown(graceMillis, TimeUnit.MILLISECONDS).await(graceMillis + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly: {}", e.toString());
        }
        blockingThreads.shutdown();
        try {
            if (!blockingThreads.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
                LOG.warn("requests still running after the grace period; stopping anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wiring.mode().close();
        wiring.closeStores();
        try {
            vertx.close().await(graceMillis + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("event loops did not stop cleanly: {}", e.toString());
        }
        database.close();
        LOG.info("Confab stopped");
    }
}
