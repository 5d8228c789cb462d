package dev.confab.server.transport.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.accounts.SessionId;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fan-out over real sockets spread across several event loops: frames delivered to many connections
 * at once (one drain task per loop) and frames sent to one connection arrive complete and in the order
 * they were handed over, for every connection.
 */
class FanOutTest {
    private static final int ACCOUNTS = 40;
    private static final int FRAMES = 500;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));
    private final ConnectionRegistry registry = new ConnectionRegistry(event -> "unused", null);

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void deliversEveryFrameInOrderToConnectionsOnEveryEventLoop() throws Exception {
        ConcurrentHashMap<Long, WsConnection> opened = new ConcurrentHashMap<>();
        HttpServer server = vertx.createHttpServer().webSocketHandler(socket -> {
            long account = Long.parseLong(socket.path().substring(1));
            WsConnection c = new WsConnection(socket, vertx.getOrCreateContext(),
                    new AuthenticatedSession(new AccountId(account), "u" + account, new SessionId("s" + account), "d"),
                    FRAMES * 4, 0);
            registry.add(c);
            // Released (greeting first) once the client says it listens, as the gateway does after
            // preparing the greeting.
            socket.textMessageHandler(text -> {
                opened.put(account, c);
                c.release("hello");
            });
        });
        int port = server.listen(0, "127.0.0.1").await().actualPort();

        WebSocketClient client = vertx.createWebSocketClient();
        List<List<String>> received = new ArrayList<>();
        List<AccountId> everyone = new ArrayList<>();
        for (long a = 1; a <= ACCOUNTS; a++) {
            List<String> frames = new CopyOnWriteArrayList<>();
            received.add(frames);
            everyone.add(new AccountId(a));
            WebSocket ws = client.connect(port, "127.0.0.1", "/" + a).await();
            ws.textMessageHandler(frames::add);
            ws.writeTextMessage("listening").await();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> opened.size() == ACCOUNTS
                && received.stream().allMatch(f -> !f.isEmpty()));
        assertThat(opened.values().stream().map(WsConnection::context).distinct().count())
                .as("connections on more than one event loop").isGreaterThan(1);

        // From a thread that is no event loop, as a message send's fan-out is: room-wide frames and
        // frames for one connection interleaved.
        Thread sender = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < FRAMES; i++) {
                registry.deliverFrame(everyone, "all-" + i, null);
                opened.get(1L + i % ACCOUNTS).send("one-" + i);
            }
        });
        sender.join();

        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().allMatch(f -> f.size() >= 1 + FRAMES + FRAMES / ACCOUNTS));
        for (int a = 0; a < ACCOUNTS; a++) {
            List<String> expected = new ArrayList<>();
            expected.add("hello");
            for (int i = 0; i < FRAMES; i++) {
                expected.add("all-" + i);
                if (i % ACCOUNTS == a) {
                    expected.add("one-" + i);
                }
            }
            assertThat(received.get(a)).as("frames of account %d", a + 1).containsExactlyElementsOf(expected);
        }
    }
}
