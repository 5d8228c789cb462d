package dev.confab.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.WireJson;
import dev.confab.protocol.model.AccountView;
import dev.confab.protocol.model.LoginResponse;
import dev.confab.protocol.model.MessagePage;
import dev.confab.protocol.model.PresenceList;
import dev.confab.protocol.model.SendAck;
import dev.confab.protocol.model.SessionView;
import dev.confab.protocol.request.LoginRequest;
import dev.confab.protocol.request.ReadRequest;
import dev.confab.protocol.request.SendRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConfabHttpClientTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    /** One request as the server saw it. */
    private record Seen(String method, String pathAndQuery, String authorization, String contentType, String body) {
    }

    /** What the server answers next. */
    private record Reply(int status, String body) {
    }

    private final WireJson json = new WireJson();
    private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        seen.add(new Seen(exchange.getRequestMethod(), uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Reply reply = replies.poll();
        byte[] body = reply == null || reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
        int status = reply == null ? 500 : reply.status();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void logsInWithAJsonBodyAndDecodesTheAnswer() {
        AccountView account = new AccountView(1, "ada", "Ada", null, null, NOW);
        LoginResponse expected = new LoginResponse("secret-token",
                new SessionView("s1", "d1", "laptop", NOW, NOW, NOW.plusSeconds(3600), true), account);
        replies.add(new Reply(201, json.encode(expected)));

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
        replies.add(new Reply(200, json.encode(new AccountView(1, "ada", "Ada", "a@example.org", null, NOW))));

        AccountView me = new ConfabHttpClient(base).withToken("tok").me();

        assertThat(me.username()).isEqualTo("ada");
        Seen request = seen.poll();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.pathAndQuery()).isEqualTo("/api/v1/me");
        assertThat(request.authorization()).isEqualTo("Bearer tok");
    }

    @Test
    void anErrorBodyBecomesAnApiExceptionWithStatusCodeAndMessage() {
        replies.add(new Reply(409, "{\"error\":{\"code\":\"account.username_taken\",\"message\":\"That username is taken.\"}}"));

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
        replies.add(new Reply(418, "{\"error\":{\"code\":\"teapot.brewing\",\"message\":\"Busy.\"}}"));

        assertThatThrownBy(() -> new ConfabHttpClient(base, "tok").me())
                .isInstanceOfSatisfying(ConfabApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(418);
                    assertThat(e.errorCode()).isNull();
                    assertThat(e.code()).isEqualTo("teapot.brewing");
                });
    }

    @Test
    void anErrorWithoutAnErrorBodyIsDescribedByItsStatus() {
        replies.add(new Reply(502, "<html>Bad gateway</html>"));

        assertThatThrownBy(() -> new ConfabHttpClient(base, "tok").me())
                .isInstanceOfSatisfying(ConfabApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.code()).isNull();
                });
    }

    @Test
    void readsHistoryForwardBackwardAndNewest() {
        MessagePage page = new MessagePage(3, List.of(), false, null);
        for (int i = 0; i < 3; i++) {
            replies.add(new Reply(200, json.encode(page)));
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
        replies.add(new Reply(204, null));
        replies.add(new Reply(204, null));
        replies.add(new Reply(204, null));
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
        replies.add(new Reply(201, json.encode(ack)));
        replies.add(new Reply(200, json.encode(new PresenceList(List.of()))));
        ConfabHttpClient client = new ConfabHttpClient(base, "tok");

        assertThat(client.send(new SendRequest("c1", 3L, null, null, "hi"))).isEqualTo(ack);
        client.presence(List.of(1L, 2L, 3L));

        assertThat(seen.poll().pathAndQuery()).isEqualTo("/api/v1/messages");
        assertThat(seen.poll().pathAndQuery()).isEqualTo("/api/v1/presence?userIds=1%2C2%2C3");
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
