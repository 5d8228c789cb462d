package dev.confab.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.protocol.CloseCodes;
import dev.confab.server.testing.ClusterNodes;
import dev.confab.server.testing.TestSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code auth.session-policy=single-session}, a login on one node ends the account's sessions on the others. */
class SingleSessionClusterTest {
    @TempDir
    Path dir;

    @Test
    void aNewLoginKicksTheOlderSessionWhereverItIs() {
        try (ClusterNodes cluster = ClusterNodes.start(3, dir, Map.of("auth.session-policy", "single-session"))) {
            ClusterUser gina = ClusterUser.register(cluster.node(0).http(), "gina");
            try (TestSocket first = TestSocket.connect(cluster.node(1).port(), gina.token())) {
                first.awaitType("hello");
                var login = cluster.node(2).http().post("/api/v1/sessions", null, dev.confab.server.testing.HttpJson.json(
                        "username", gina.username(), "password", gina.password(), "deviceId", "device-2", "deviceName", "Gina's phone"));
                assertThat(login.status()).as(login.text()).isEqualTo(201);
                JsonNode second = login.body();

                JsonNode replaced = first.awaitType("session.replaced");
                assertThat(replaced.path("at").isTextual()).isTrue();
                assertThat(replaced.path("byDeviceName").asText()).isEqualTo("Gina's phone");
                assertThat(first.awaitClose()).isEqualTo(CloseCodes.SESSION_REPLACED);
                assertThat(cluster.node(0).http().get("/api/v1/me", gina.token()).status())
                        .as("the old token is gone on every node").isEqualTo(401);

                try (TestSocket newer = TestSocket.connect(cluster.node(0).port(), second.path("token").asText())) {
                    assertThat(newer.awaitType("hello").path("userId").asLong()).isEqualTo(gina.id());
                }
            }
        }
    }
}
