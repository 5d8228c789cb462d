package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.server.store.jdbc.DatabaseSettings;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.ServerProcess;
import dev.confab.server.testing.TcpProxy;
import dev.confab.server.testing.TestDatabases;
import dev.confab.server.testing.TestSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away under a running node: requests fail within the connection timeout with
 * {@code unavailable}, nothing is acked that is not stored, and the node serves again by itself once
 * the database is back.
 */
class PostgresOutageTest {
    @TempDir
    Path dir;

    @Test
    void requestsFailClearlyWhileTheDatabaseIsAwayAndServiceResumes() throws Exception {
        DatabaseSettings db = TestDatabases.postgres();
        URI pg = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(pg.getHost(), pg.getPort())) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("db.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + pg.getPath());
            settings.put("db.user", db.user());
            settings.put("db.schema", db.schema());
            settings.put("db.connection-timeout", "1s");
            settings.put("server.data-dir", dir.toString());
            settings.put("contacts.direct-messages", "anyone");
            try (ServerProcess node = ServerProcess.start(settings)) {
                HttpJson http = node.http();
                String alice = http.registerAndLogin("alice", "alice password", "a1").path("token").asText();
                String bob = http.registerAndLogin("bob", "bob's password", "b1").path("token").asText();
                try (TestSocket socket = TestSocket.connect(node.port(), alice)) {
                    socket.awaitType("hello");
                    socket.send(ServerTestBase.sendFrame("before", "before", "bob", null, "before the outage"));
                    long conversation = socket.awaitReply("before").path("ack").path("conversationId").asLong();

                    proxy.cut();
                    socket.send(ServerTestBase.sendFrame("during", "during", "bob", null, "during the outage"));
                    JsonNode answer = socket.awaitReply("during");
                    assertThat(answer.path("type").asText()).isEqualTo("error");
                    assertThat(answer.path("code").asText()).isEqualTo("unavailable");
                    assertThat(http.get("/api/v1/conversations", bob).status()).isEqualTo(503);
                    assertThat(http.get("/ready", null).status()).isEqualTo(503);

                    proxy.restore();
                    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/ready", null).status() == 200);
                    socket.send(ServerTestBase.sendFrame("retry", "during", "bob", null, "during the outage"));
                    assertThat(socket.awaitReply("retry").path("type").asText()).as("the retry is accepted").isEqualTo("ack");
                    JsonNode page = http.get("/api/v1/conversations/" + conversation + "/messages?after=0", bob).body();
                    assertThat(page.path("messages").findValuesAsText("body"))
                            .containsExactly("before the outage", "during the outage");
                }
            }
        }
    }
}
