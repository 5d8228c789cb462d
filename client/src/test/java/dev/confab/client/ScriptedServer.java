package dev.confab.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.WireJson;
import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.ConversationView;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket server the test drives by hand: it accepts (or refuses) upgrades, hands each accepted
 * socket to the test, and sends exactly the frames the test tells it to. Every wait has a deadline.
 */
final class ScriptedServer {
    static final long USER_ID = 42;
    private static final long DEADLINE_SECONDS = 10;

    private final Vertx vertx = Vertx.vertx();
    private final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private final HttpServer server;
    private volatile int refuseWith;

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
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
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

    /** One accepted socket. */
    static final class Socket {
        private final WireJson json = new WireJson();
        private final ServerWebSocket ws;
        private final BlockingQueue<ClientFrame> received = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
        final String authorization;

        Socket(ServerWebSocket ws) {
            this.ws = ws;
            this.authorization = ws.headers().get("Authorization");
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
