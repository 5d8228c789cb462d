package dev.confab.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A raw WebSocket client for tests: records every text frame and the close code, and waits for
 * conditions with a deadline (never a fixed sleep).
 */
public final class TestSocket implements AutoCloseable {
    private static final Vertx VERTX = Vertx.vertx();
    /** One client for every test socket: a client per socket would never be closed, and they pile up. */
    private static final WebSocketClient CLIENT = VERTX.createWebSocketClient(new WebSocketClientOptions()
            .setMaxFrameSize(16 * 1024 * 1024).setMaxMessageSize(16 * 1024 * 1024).setMaxConnections(100_000));
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Deadlines are generous: CI shares two cores with the whole suite, and only failures wait them out. */
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(30);

    private final WebSocket socket;
    private final List<JsonNode> frames = new ArrayList<>();
    private Integer closeStatus;

    private TestSocket(WebSocket socket) {
        this.socket = socket;
        socket.textMessageHandler(this::received);
        socket.closeHandler(v -> closed(socket.closeStatusCode() == null ? -1 : socket.closeStatusCode()));
    }

    public static TestSocket connect(int port, String token) {
        return connect(port, Map.of("Authorization", "Bearer " + token), "");
    }

    /** Connects with the given headers and query (e.g. "?ticket=..."); throws UpgradeRejectedException when refused. */
    public static TestSocket connect(int port, Map<String, String> headers, String query) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI("/api/v1/ws" + query);
        headers.forEach(options::addHeader);
        try {
            // Handlers are attached before connecting: a frame the server sends right after the upgrade
            // (hello) can arrive with the 101 response, before a connect callback could attach them.
            ClientWebSocket socket = CLIENT.webSocket();
            TestSocket test = new TestSocket(socket);
            socket.connect(options).await(CONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return test;
        } catch (UpgradeRejectedException e) {
            throw e;
        } catch (Exception e) {
            if (e.getCause() instanceof UpgradeRejectedException u) {
                throw u;
            }
            throw new IllegalStateException("connect to port " + port + " failed: " + e, e);
        }
    }

    /** The HTTP status with which an upgrade is refused, or 101 if it was accepted. */
    public static int upgradeStatus(int port, Map<String, String> headers, String query) {
        try (TestSocket s = connect(port, headers, query)) {
            return 101;
        } catch (UpgradeRejectedException e) {
            return e.getStatus();
        }
    }

    /** Stops reading from the socket, as a client that fell behind would; the server's writes back up. */
    public void pauseReading() {
        socket.pause();
    }

    public void resumeReading() {
        socket.resume();
    }

    public void send(String text) {
        awaitWrite(socket.writeTextMessage(text));
    }

    /** Sends unless the socket is (or becomes, during the write) closed; returns whether it was written. */
    public boolean trySend(String text) {
        try {
            socket.writeTextMessage(text).await(CONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Throwable writeFailed) {
            if (isClosed() || socket.isClosed()) {
                return false;
            }
            throw new AssertionError("write failed on an open socket", writeFailed);
        }
    }

    public void sendBinary(byte[] bytes) {
        awaitWrite(socket.writeBinaryMessage(Buffer.buffer(bytes)));
    }

    private static void awaitWrite(io.vertx.core.Future<Void> write) {
        try {
            write.await(CONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("write timed out", e);
        }
    }

    /** Waits for (and returns) the first recorded frame matching {@code condition}. */
    public synchronized JsonNode await(Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (JsonNode f : frames) {
                if (condition.test(f)) {
                    return f;
                }
            }
            waitUntil(deadline, "no frame matched; got " + frames);
        }
    }

    /** Waits for the answer to request {@code id} (ack, result or error). */
    public JsonNode awaitReply(String id) {
        return await(f -> id.equals(f.path("id").asText(null)));
    }

    public JsonNode awaitType(String type) {
        return await(f -> type.equals(f.path("type").asText()));
    }

    /** Waits for the close and returns its status code. */
    public synchronized int awaitClose() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (closeStatus == null) {
            waitUntil(deadline, "socket did not close; frames " + frames);
        }
        return closeStatus;
    }

    public synchronized List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    public synchronized boolean isClosed() {
        return closeStatus != null;
    }

    @Override
    public void close() {
        if (!isClosed()) {
            socket.close();
        }
    }

    private synchronized void received(String text) {
        try {
            frames.add(MAPPER.readTree(text));
        } catch (IOException e) {
            frames.add(MAPPER.getNodeFactory().textNode("unparseable: " + text));
        }
        notifyAll();
    }

    private synchronized void closed(int status) {
        closeStatus = status;
        notifyAll();
    }

    private void waitUntil(long deadline, String failure) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError(failure);
        }
        try {
            wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
