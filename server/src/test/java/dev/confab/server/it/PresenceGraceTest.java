package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.server.testing.Backend;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.TestSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code presence.offline-grace}, a reconnect within the grace shows friends nothing (no
 * offline, no second online); staying away is announced after the grace, with the last-seen time of
 * the disconnect.
 */
class PresenceGraceTest extends ServerTestBase {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }

    @Override
    Map<String, String> overrides() {
        return Map.of("presence.offline-grace", "1s");
    }

    @Test
    void aQuickReconnectIsInvisibleAndALongAbsenceIsAnnouncedWithItsTime() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        var request = http().post("/api/v1/friend-requests", alice.token(), HttpJson.json("to", bob.username()));
        assertThat(http().post("/api/v1/friend-requests/" + request.body().path("id").asLong() + "/accept", bob.token(), null)
                .status()).isEqualTo(200);
        try (TestSocket a = connect(alice)) {
            TestSocket first = connect(bob);
            a.await(f -> presence(f, bob, true));
            first.close();
            first.awaitClose();
            TestSocket again = connect(bob);
            Instant leftAt = server.clock().instant();
            again.close();
            again.awaitClose();
            // The server stamps the last-seen time when it handles the close, which can come after the
            // client saw it; move the clock only once the server is down to alice's connection.
            await().atMost(Duration.ofSeconds(10)).until(() -> server.server().connectionCount() == 1);
            server.clock().advance(Duration.ofMinutes(5));
            JsonNode offline = a.await(f -> presence(f, bob, false));
            assertThat(Instant.parse(offline.path("presence").path("lastSeenAt").asText()))
                    .isEqualTo(leftAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(a.frames().stream().filter(f -> presence(f, bob, true))).as("one online, not two").hasSize(1);
            assertThat(a.frames().stream().filter(f -> presence(f, bob, false))).as("one offline").hasSize(1);
        }
    }

    private static boolean presence(JsonNode f, User who, boolean online) {
        return f.path("type").asText().equals("presence") && f.path("presence").path("userId").asLong() == who.id()
                && f.path("presence").path("online").asBoolean() == online;
    }
}
