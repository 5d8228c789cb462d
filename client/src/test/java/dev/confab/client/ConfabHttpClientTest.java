package dev.confab.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.client.ScriptedHttpServer.Seen;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.WireJson;
import dev.confab.protocol.model.AccountView;
import dev.confab.protocol.model.LoginResponse;
import dev.confab.protocol.model.MessagePage;
import dev.confab.protocol.model.NodeAssignment;
import dev.confab.protocol.model.NodeView;
import dev.confab.protocol.model.PresenceList;
import dev.confab.protocol.model.ReceiptList;
import dev.confab.protocol.model.ReceiptView;
import dev.confab.protocol.model.SendAck;
import dev.confab.protocol.model.SessionView;
import dev.confab.protocol.request.LoginRequest;
import dev.confab.protocol.request.ReadRequest;
import dev.confab.protocol.request.SendRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfabHttpClientTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private final WireJson json = new WireJson();
    private ScriptedHttpServer http;
    private BlockingQueue<Seen> seen;
    private URI base;

    @BeforeEach
    void startServer() throws IOException {
        http = new ScriptedHttpServer();
        seen = http.seen;
        base = http.baseUri();
    }

    @AfterEach
    void stopServer() {
        http.close();
    }

    @Test
    void logsInWithAJsonBodyAndDecodesTheAnswer() {
        AccountView account = new AccountView(1, "ada", "Ada", null, null, null, false, false, NOW);
        LoginResponse expected = new LoginResponse("secret-token",
                new SessionView("s1", "d1", "laptop", NOW, NOW, NOW.plusSeconds(3600), true), account,
                new NodeView("n1", "http://localhost:8080", "ws://localhost:8080/api/v1/ws", 0));
        http.reply(201, json.encode(expected));

        LoginResponse login = new ConfabHttpClient(base).login(new LoginRequest("ada", "pw", "d1", "laptop"));

        assertThat(login).isEqualTo(expected);
        Seen request = seen.poll();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/api/v1/sessions");
        assertThat(request.authorization()).isNull();
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(json.decode(request.body(), LoginRequest.class)).isEqualTo(new LoginRequest("ada", "pw", "d1", "laptop"));
    }

    @Test
    void authenticatedCallsCarryTheBearerToken() {
        http.reply(200, json.encode(new AccountView(1, "ada", "Ada", null, "a@example.org", null, true, false, NOW)));

        AccountView me = new ConfabHttpClient(base).withToken("tok").me();

        assertThat(me.username()).isEqualTo("ada");
        Seen request = seen.poll();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.pathAndQuery()).isEqualTo("/api/v1/me");
        assertThat(request.authorization()).isEqualTo("Bearer tok");
    }

    @Test
    void anErrorBodyBecomesAnApiExceptionWithStatusCodeAndMessage() {
        http.reply(409, "{\"error\":{\"code\":\"account.username_taken\",\"message\":\"That username is taken.\"}}");

        assertThatThrownBy(() -> new ConfabHttpClient(base).login(new LoginRequest("ada", "pw", null, null)))
                .isInstanceOfSatisfying(ConfabApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.ACCOUNT_USERNAME_TAKEN);
                    assertThat(e.code()).isEqualTo("account.username_taken");
                    assertThat(e.getMessage()).isEqualTo("That username is taken.");
                });
    }

    @Test
    void anUnknownErrorCodeIsKeptAsText() {
        http.reply(418, "{\"error\":{\"code\":\"teapot.brewing\",\"message\":\"Busy.\"}}");

        assertThatThrownBy(() -> new ConfabHttpClient(base, "tok").me())
                .isInstanceOfSatisfying(ConfabApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(418);
                    assertThat(e.errorCode()).isNull();
                    assertThat(e.code()).isEqualTo("teapot.brewing");
                });
    }

    @Test
    void anErrorWithoutAnErrorBodyIsDescribedByItsStatus() {
        http.reply(502, "<html>Bad gateway</html>");

        assertThatThrownBy(() -> new ConfabHttpClient(base, "tok").me())
                .isInstanceOfSatisfying(ConfabApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.code()).isNull();
                });
    }

    @Test
    void readsHistoryForwardBackwardAndNewest() {
        MessagePage page = new MessagePage(3, List.of(), false, null, 1);
        for (int i = 0; i < 3; i++) {
            http.reply(200, json.encode(page));
        }
        ConfabHttpClient client = new ConfabHttpClient(base, "tok");

        assertThat(client.messagesAfter(3, 10, 50)).isEqualTo(page);
        client.messagesBefore(3, 10, 50);
        client.latestMessages(3, 20);

        assertThat(seen).extracting(Seen::pathAndQuery).containsExactly(
                "/api/v1/conversations/3/messages?after=10&limit=50",
                "/api/v1/conversations/3/messages?before=10&limit=50",
                "/api/v1/conversations/3/messages?limit=20");
    }

    @Test
    void callsWithoutAnswerBodyAcceptNoContent() {
        http.reply(204, null);
        http.reply(204, null);
        http.reply(204, null);
        ConfabHttpClient client = new ConfabHttpClient(base, "tok");

        client.markRead(3, 9);
        client.logout();
        client.endSession("s 1");

        Seen read = seen.poll();
        assertThat(read.pathAndQuery()).isEqualTo("/api/v1/conversations/3/read");
        assertThat(json.decode(read.body(), ReadRequest.class)).isEqualTo(new ReadRequest(9L));
        assertThat(seen.poll()).extracting(Seen::method, Seen::pathAndQuery).containsExactly("DELETE", "/api/v1/sessions/current");
        assertThat(seen.poll().pathAndQuery()).isEqualTo("/api/v1/sessions/s%201");
    }

    @Test
    void sendsMessagesAndAsksForPresence() {
        SendAck ack = new SendAck("c1", 100, 3, 7, NOW);
        http.reply(201, json.encode(ack));
        http.reply(200, json.encode(new PresenceList(List.of())));
        ConfabHttpClient client = new ConfabHttpClient(base, "tok");

        assertThat(client.send(new SendRequest("c1", 3L, null, null, "hi"))).isEqualTo(ack);
        client.presence(List.of(1L, 2L, 3L));

        assertThat(seen.poll().pathAndQuery()).isEqualTo("/api/v1/messages");
        assertThat(seen.poll().pathAndQuery()).isEqualTo("/api/v1/presence?userIds=1%2C2%2C3");
    }

    @Test
    void readsEveryMembersReceipts() {
        ReceiptList receipts = new ReceiptList(List.of(new ReceiptView(3, 1, 0, 5), new ReceiptView(3, 2, 5, 4)));
        http.reply(200, json.encode(receipts));

        assertThat(new ConfabHttpClient(base, "tok").receipts(3)).isEqualTo(receipts);

        assertThat(seen.poll()).extracting(Seen::method, Seen::pathAndQuery)
                .containsExactly("GET", "/api/v1/conversations/3/receipts");
    }

    @Test
    void asksWhichNodeToUseWithoutASession() {
        NodeView node = new NodeView("n2", "http://10.0.0.2:8080", "ws://10.0.0.2:8080/api/v1/ws", 3);
        NodeAssignment expected = new NodeAssignment(node, List.of(node,
                new NodeView("n1", "http://10.0.0.1:8080", "ws://10.0.0.1:8080/api/v1/ws", 5)));
        http.reply(200, json.encode(expected));

        assertThat(new ConfabHttpClient(base).assign()).isEqualTo(expected);

        Seen request = seen.poll();
        assertThat(request).extracting(Seen::method, Seen::pathAndQuery, Seen::authorization)
                .containsExactly("GET", "/api/v1/cluster/assign", null);
    }

    @Test
    void anUnreachableServerIsAConnectionFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> new ConfabHttpClient(URI.create("http://127.0.0.1:" + closedPort), "tok").me())
                .isInstanceOf(ConfabConnectionException.class);
    }
}
