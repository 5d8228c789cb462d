package dev.confab.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.WireJson;
import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.ConversationView;
import dev.confab.protocol.model.NodeAssignment;
import dev.confab.protocol.model.NodeView;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket server the test drives by hand: it accepts (or refuses) upgrades, hands each accepted
 * socket to the test, and sends exactly the frames the test tells it to. Every wait has a deadline.
 * It also answers {@code GET /api/v1/cluster/assign}: with 404, as a server without that endpoint
 * would, until the test scripts an answer; every other HTTP request gets 404.
 */
final class ScriptedServer {
    static final long USER_ID = 42;
    private static final long DEADLINE_SECONDS = 10;

    private final Vertx vertx = Vertx.vertx();
    private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private final HttpServer server;
    private final AtomicInteger assignQuestions = new AtomicInteger();
    private volatile int refuseWith;
    private volatile int assignStatus = 404;
    private volatile String assignBody;

    ScriptedServer() throws Exception {
        server = vertx.createHttpServer()
                .webSocketHandshakeHandler(handshake -> {
                    if (refuseWith != 0) {
                        handshake.reject(refuseWith);
                    } else {
                        handshake.accept();
                    }
                })
                .webSocketHandler(ws -> accepted.add(new Socket(ws)))
                .requestHandler(this::answerHttp)
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    /** The WebSocket endpoint clients of this server dial. */
    URI webSocketUri() {
        return URI.create("ws://127.0.0.1:" + server.actualPort() + "/api/v1/ws");
    }

    /** This server as a node of a cluster, holding {@code connections}. */
    NodeView node(String nodeId, long connections) {
        return new NodeView(nodeId, baseUri().toString(), webSocketUri().toString(), connections);
    }

    /** Answers every later {@code GET /api/v1/cluster/assign} with {@code answer}. */
    void assign(NodeAssignment answer) {
        assignBody = new WireJson().encode(answer);
        assignStatus = 200;
    }

    /** Answers every later {@code GET /api/v1/cluster/assign} with {@code status} and no body. */
    void failAssignWith(int status) {
        assignBody = null;
        assignStatus = status;
    }

    /** How many {@code GET /api/v1/cluster/assign} requests arrived so far. */
    int assignQuestions() {
        return assignQuestions.get();
    }

    /** Answers every later upgrade with {@code status} instead of accepting it. */
    void refuseUpgradesWith(int status) {
        refuseWith = status;
    }

    /** The next socket a client opened. */
    Socket nextSocket() throws InterruptedException {
        Socket socket = accepted.poll(DEADLINE_SECONDS, TimeUnit.SECONDS);
        assertThat(socket).as("a client connected within the deadline").isNotNull();
        return socket;
    }

    /** A socket opened within {@code millis}, or null. */
    Socket socketWithin(long millis) throws InterruptedException {
        return accepted.poll(millis, TimeUnit.MILLISECONDS);
    }

    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    private void answerHttp(HttpServerRequest request) {
        if (!request.path().equals("/api/v1/cluster/assign") || request.method() != HttpMethod.GET) {
            request.response().setStatusCode(404).end();
            return;
        }
        assignQuestions.incrementAndGet();
        String body = assignBody;
        request.response().setStatusCode(assignStatus).putHeader("Content-Type", "application/json")
                .end(body == null ? "" : body);
    }

    /** One accepted socket. */
    static final class Socket {
        private final WireJson json = new WireJson();
        private final ServerWebSocket ws;
        private final BlockingQueue<ClientFrame> received = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
        final String authorization;
        final String path;

        Socket(ServerWebSocket ws) {
            this.ws = ws;
            this.authorization = ws.headers().get("Authorization");
            this.path = ws.path();
            ws.textMessageHandler(text -> received.add(json.decodeClientFrame(text)));
            ws.closeHandler(ignored -> closedWith.complete(ws.closeStatusCode() == null ? -1 : (int) ws.closeStatusCode()));
        }

        void send(ServerFrame frame) {
            ws.writeTextMessage(json.encode(frame));
        }

        void hello() {
            hello(0);
        }

        void hello(int heartbeatSeconds) {
            hello(heartbeatSeconds, 0);
        }

        /** A hello saying the account's newest event is {@code lastEventSeq}. */
        void helloAtEvent(long lastEventSeq) {
            hello(0, lastEventSeq);
        }

        private void hello(int heartbeatSeconds, long lastEventSeq) {
            send(new ServerFrame.Hello(USER_ID, "session-1", "device-1", Instant.now(), heartbeatSeconds, 4000,
                    lastEventSeq));
        }

        /** The next frame the client sent, which must be of {@code type}. */
        <T extends ClientFrame> T next(Class<T> type) throws InterruptedException {
            ClientFrame frame = received.poll(DEADLINE_SECONDS, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within the deadline").isInstanceOf(type);
            return type.cast(frame);
        }

        /** Expects the conversation list request that follows every hello, and answers it. */
        void answerConversations(List<ConversationView> conversations) throws InterruptedException {
            ClientFrame.Conversations request = next(ClientFrame.Conversations.class);
            send(new ServerFrame.Conversations(request.id(), conversations, false, null));
        }

        void close(int code) {
            ws.close((short) code, "scripted");
        }

        /** The close code the client sent (or -1 for none), once the socket has closed. */
        int closeCode() throws Exception {
            return closedWith.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        }
    }
}
