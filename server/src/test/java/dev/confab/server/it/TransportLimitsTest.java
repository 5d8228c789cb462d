package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.testing.Backend;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.TestSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connection-level protections, which do not depend on the database kind. */
class TransportLimitsTest extends ServerTestBase {

    @Override
    Backend backend() {
        return Backend.SQLITE;
    }

    @Override
    Map<String, String> overrides() {
        return Map.of("ws.outbound-queue-frames", "4", "messages.max-body-chars", "60000",
                "ws.max-frame-bytes", "262144", "messages.sends-per-window", "100000", "ws.heartbeat-interval", "1s",
                "http.max-body-bytes", "300000");
    }

    @Test
    void aReaderThatFallsBehindIsClosedAsASlowConsumerAndLosesNothing() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        TestSocket slow = connect(bob);
        slow.pauseReading();
        TestSocket sender = connect(alice);
        byte[] noise = new byte[36_000];
        new java.util.Random(7).nextBytes(noise);
        String body = java.util.Base64.getEncoder().encodeToString(noise);
        int sent = 0;
        while (sent < 400) {
            for (int batch = 0; batch < 20; batch++, sent++) {
                sender.send(sendFrame("f" + sent, "f" + sent, bob.username(), null, body));
            }
            assertThat(sender.awaitReply("f" + (sent - 1)).path("type").asText()).isEqualTo("ack");
        }
        slow.resumeReading();
        assertThat(slow.awaitClose()).isEqualTo(4008);
        long conversation = sender.awaitReply("f0").path("ack").path("conversationId").asLong();
        var page = http().get("/api/v1/conversations/" + conversation + "/messages?after=0&limit=500", bob.token());
        assertThat(page.body().path("messages")).as("everything is there to sync").hasSize(sent);
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() {
        User alice = newUser("alice");
        TestSocket socket = connect(alice);
        // A pong in flight when the clock jumps counts as activity, so keep the silence growing until a
        // heartbeat sees it.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            server.clock().advance(Duration.ofMinutes(5));
            return socket.isClosed();
        });
        assertThat(socket.awaitClose()).isEqualTo(4000);
    }

    @Test
    void anOversizedHttpBodyGetsRequestTooLarge() {
        var r = http().post("/api/v1/accounts", null, HttpJson.json("username", "x".repeat(400_000), "password", "p"));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.errorCode()).isEqualTo("request.too_large");
    }
}
