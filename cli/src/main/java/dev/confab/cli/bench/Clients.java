package dev.confab.cli.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The Vert.x instance and WebSocket clients the bench connects through. Connections are spread over
 * several loopback source addresses (127.0.0.1, 127.0.0.2, ...) so that one target port is never short
 * of ephemeral ports; each process still holds at most about 19,900 sockets (open-file limit).
 */
final class Clients implements AutoCloseable {
    private final Vertx vertx;
    private final List<WebSocketClient> clients = new ArrayList<>();

    Clients(int sourceAddresses, int firstAddress) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors())));
        for (int i = 0; i < sourceAddresses; i++) {
            WebSocketClientOptions options = new WebSocketClientOptions().setMaxConnections(1_000_000)
                    .setConnectTimeout(30_000).setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 24)
                    .setLocalAddress("127.0.0." + (firstAddress + i)).setTcpNoDelay(true);
            clients.add(vertx.createWebSocketClient(options));
        }
    }

    Vertx vertx() {
        return vertx;
    }

    /** The client for connection number {@code n}, round-robin over source addresses. */
    WebSocketClient client(int n) {
        return clients.get(n % clients.size());
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
