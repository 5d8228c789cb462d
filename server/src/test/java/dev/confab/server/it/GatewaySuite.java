package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.TestSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The WebSocket gateway: authentication at upgrade, Origin, limits, bad frames, session endings. */
abstract class GatewaySuite extends ServerTestBase {

    /** Tests here move the clock by hours; the idle timeout is longer so heartbeats stay out of the way. */
    @Override
    Map<String, String> overrides() {
        return Map.of("ws.max-frame-bytes", "16384", "messages.max-body-chars", "1000", "ws.max-bad-frames", "5",
                "auth.session-idle-timeout", "1h", "auth.session-max-age", "2h", "auth.session-sweep-interval", "200ms",
                "ws.idle-timeout", "3h");
    }

    @Test
    void forgedOrMissingCredentialsAreRefused() {
        assertThat(TestSocket.upgradeStatus(server.port(), Map.of("Authorization", "Bearer forged-token"), "")).isEqualTo(401);
        assertThat(TestSocket.upgradeStatus(server.port(), Map.of(), "")).isEqualTo(401);
        assertThat(TestSocket.upgradeStatus(server.port(), Map.of(), "?ticket=made-up")).isEqualTo(401);
        assertThat(http().get("/api/v1/me", "forged-token").errorCode()).isEqualTo("auth.unauthenticated");
    }

    @Test
    void expiredSessionIsRefused() {
        User alice = newUser("alice");
        assertThat(http().get("/api/v1/me", alice.token()).status()).isEqualTo(200);
        server.clock().advance(Duration.ofHours(2));
        assertThat(http().get("/api/v1/me", alice.token()).status()).isEqualTo(401);
        assertThat(TestSocket.upgradeStatus(server.port(), Map.of("Authorization", "Bearer " + alice.token()), "")).isEqualTo(401);
    }

    @Test
    void aLiveSocketOutlivesTheIdleTimeoutButNotTheSessionsMaximumAge() {
        User alice = newUser("alice");
        TestSocket socket = connect(alice);
        server.clock().advance(Duration.ofMinutes(50));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(http().get("/api/v1/me", alice.token()).status()).isEqualTo(200));
        server.clock().advance(Duration.ofMinutes(50));
        socket.send("{\"type\":\"ping\",\"id\":\"alive\"}");
        assertThat(socket.awaitReply("alive").path("type").asText()).as("used within the idle timeout").isEqualTo("pong");
        server.clock().advance(Duration.ofMinutes(30));
        assertThat(socket.awaitClose()).isEqualTo(4001);
        assertThat(http().get("/api/v1/me", alice.token()).status()).isEqualTo(401);
    }

    @Test
    void foreignOriginIsRefusedAndOwnOriginAccepted() {
        User alice = newUser("alice");
        String auth = "Bearer " + alice.token();
        assertThat(TestSocket.upgradeStatus(server.port(), Map.of("Authorization", auth, "Origin", "http://evil.example"), ""))
                .isEqualTo(403);
        assertThat(TestSocket.upgradeStatus(server.port(),
                Map.of("Authorization", auth, "Origin", "http://127.0.0.1:" + server.port()), "")).isEqualTo(101);
    }

    @Test
    void browserTicketWorksOnceOnly() {
        User alice = newUser("alice");
        var ticket = http().post("/api/v1/ws-tickets", alice.token(), null);
        assertThat(ticket.status()).isEqualTo(201);
        String query = "?ticket=" + ticket.body().path("ticket").asText();
        TestSocket socket = TestSocket.connect(server.port(), Map.of(), query);
        sockets.add(socket);
        assertThat(socket.awaitType("hello").path("userId").asLong()).isEqualTo(alice.id());
        assertThat(socket.frames().getFirst().path("type").asText()).as("hello comes first").isEqualTo("hello");
        assertThat(TestSocket.upgradeStatus(server.port(), Map.of(), query)).isEqualTo(401);
    }

    @Test
    void badFramesGetErrorsAndTheConnectionStaysOpen() {
        User alice = newUser("alice");
        TestSocket socket = connect(alice);
        socket.send("{not json");
        assertThat(socket.await(f -> f.path("code").asText().equals("request.invalid_json")).path("type").asText())
                .isEqualTo("error");
        socket.send("{\"type\":\"teleport\",\"id\":\"u1\"}");
        JsonNode unknown = socket.awaitReply("u1");
        assertThat(unknown.path("code").asText()).isEqualTo("request.unknown_type");
        socket.send(sendFrame("long1", "long1", "nobody-needed", null, "x".repeat(1001)));
        assertThat(socket.awaitReply("long1").path("code").asText()).isEqualTo("message.too_long");
        socket.send(sendFrame("nouser", "nouser", "no-such-user-xyz", null, "hi"));
        assertThat(socket.awaitReply("nouser").path("code").asText()).isEqualTo("user.not_found");
        socket.send("{\"type\":\"ping\",\"id\":\"p1\"}");
        assertThat(socket.awaitReply("p1").path("type").asText()).isEqualTo("pong");
        assertThat(socket.isClosed()).isFalse();
    }

    @Test
    void oversizedFrameClosesWith1009() {
        User alice = newUser("alice");
        TestSocket socket = connect(alice);
        socket.send(sendFrame("big", "big", "someone", null, "y".repeat(20_000)));
        assertThat(socket.awaitClose()).isEqualTo(1009);
    }

    @Test
    void sustainedAbuseClosesWithPolicyViolation() {
        User alice = newUser("alice");
        TestSocket socket = connect(alice);
        int written = 0;
        while (written < 10 && socket.trySend("garbage " + written)) {
            written++;
        }
        assertThat(socket.awaitClose()).isEqualTo(1008);
        assertThat(socket.frames().stream().filter(f -> f.path("type").asText().equals("error")))
                .as("the allowance of 5 bad frames, then the one that crossed it").hasSize(6);
    }

    @Test
    void logoutClosesThatSessionsSocketsOnly() {
        User alice = newUser("alice", "phone");
        User laptop = login(alice, "laptop");
        TestSocket phoneSocket = connect(alice);
        TestSocket laptopSocket = connect(laptop);
        assertThat(http().delete("/api/v1/sessions/current", alice.token()).status()).isEqualTo(204);
        assertThat(phoneSocket.awaitClose()).isEqualTo(4001);
        assertThat(http().get("/api/v1/me", alice.token()).status()).isEqualTo(401);
        laptopSocket.send("{\"type\":\"ping\",\"id\":\"still\"}");
        assertThat(laptopSocket.awaitReply("still").path("type").asText()).isEqualTo("pong");
    }

    @Test
    void passwordChangeCanEndOtherSessions() {
        User alice = newUser("alice", "phone");
        User laptop = login(alice, "laptop");
        TestSocket laptopSocket = connect(laptop);
        var wrong = http().post("/api/v1/me/password", alice.token(),
                HttpJson.json("currentPassword", "not it", "newPassword", "a brand new password"));
        assertThat(wrong.errorCode()).isEqualTo("auth.wrong_password");
        var ok = http().post("/api/v1/me/password", alice.token(), HttpJson.json("currentPassword", alice.password(),
                "newPassword", "a brand new password", "endOtherSessions", true));
        assertThat(ok.status()).isEqualTo(204);
        assertThat(laptopSocket.awaitClose()).isEqualTo(4001);
        assertThat(http().get("/api/v1/me", alice.token()).status()).isEqualTo(200);
        assertThat(http().get("/api/v1/me", laptop.token()).status()).isEqualTo(401);
        http().login(alice.username(), "a brand new password", "tablet");
    }
}
