package dev.confab.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.function.Consumer;

/**
 * One client connection speaking the real protocol: authenticated upgrade, JSON text frames. Frames
 * are handed to {@code onFrame} on the connection's event loop, parsed once.
 */
final class BenchSocket {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final long userId;

    private BenchSocket(WebSocket socket, long userId) {
        this.socket = socket;
        this.userId = userId;
    }

    /** Connects and completes once the server's {@code hello} (or first frame) arrived. */
    static Future<BenchSocket> open(WebSocketClient client, URI ws, String token, long userId, Consumer<JsonNode> onFrame,
                                    Runnable onClose) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(ws.getHost()).setPort(ws.getPort())
                .setURI(ws.getRawPath()).addHeader("Authorization", "Bearer " + token);
        io.vertx.core.Promise<BenchSocket> greeted = io.vertx.core.Promise.promise();
        // Handlers are attached before connecting: the hello can arrive with the 101 response, before a
        // connect callback could attach them, and would then be lost.
        ClientWebSocket s = client.webSocket();
        BenchSocket bench = new BenchSocket(s, userId);
        s.textMessageHandler(text -> {
            JsonNode frame;
            try {
                frame = JSON.readTree(text);
            } catch (java.io.IOException e) {
                return;
            }
            if (!greeted.future().isComplete()) {
                greeted.tryComplete(bench);
            }
            onFrame.accept(frame);
        });
        s.closeHandler(v -> {
            greeted.tryFail("closed before hello: " + s.closeStatusCode());
            onClose.run();
        });
        s.exceptionHandler(e -> { });
        return s.connect(options).compose(connected -> greeted.future());
    }

    long userId() {
        return userId;
    }

    void send(String text) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(text);
        }
    }

    boolean isOpen() {
        return !socket.isClosed();
    }

    Future<Void> close() {
        return socket.close();
    }
}
