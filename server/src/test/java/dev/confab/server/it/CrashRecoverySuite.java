package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.server.testing.Backend;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.ServerProcess;
import dev.confab.server.testing.TestSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every acknowledged message survives the server being killed with SIGKILL right after the acks. */
abstract class CrashRecoverySuite {
    @TempDir
    Path dir;

    abstract Backend backend();

    @Test
    void ackedMessagesSurviveSigkill() throws Exception {
        Map<String, String> settings = new HashMap<>(backend().overrides(dir));
        settings.put("server.data-dir", dir.toString());
        settings.put("contacts.direct-messages", "anyone");
        Map<String, JsonNode> acked = new LinkedHashMap<>();
        String aliceToken;
        String bobToken;
        long conversation;
        try (ServerProcess first = ServerProcess.start(settings)) {
            HttpJson http = first.http();
            aliceToken = http.registerAndLogin("alice", "alice password", "a1").path("token").asText();
            bobToken = http.registerAndLogin("bob", "bob's password", "b1").path("token").asText();
            try (TestSocket socket = TestSocket.connect(first.port(), aliceToken)) {
                socket.awaitType("hello");
                int total = 150;
                for (int i = 0; i < total; i++) {
                    socket.send(ServerTestBase.sendFrame("k" + i, "k" + i, "bob", null, "durable " + i));
                }
                for (int i = 0; i < 100; i++) {
                    JsonNode ack = socket.awaitReply("k" + i).path("ack");
                    acked.put("k" + i, ack);
                }
                first.kill();
                socket.frames().stream().filter(f -> f.path("type").asText().equals("ack"))
                        .forEach(f -> acked.put(f.path("id").asText(), f.path("ack")));
            }
            conversation = acked.get("k0").path("conversationId").asLong();
        }
        try (ServerProcess second = ServerProcess.start(settings)) {
            HttpJson http = second.http();
            JsonNode page = http.get("/api/v1/conversations/" + conversation + "/messages?after=0&limit=500", bobToken).body();
            Map<Long, JsonNode> stored = new HashMap<>();
            page.path("messages").forEach(m -> stored.put(m.path("seq").asLong(), m));
            for (var entry : acked.entrySet()) {
                JsonNode message = stored.get(entry.getValue().path("seq").asLong());
                assertThat(message).as("acked " + entry.getKey()).isNotNull();
                assertThat(message.path("clientMessageId").asText()).isEqualTo(entry.getKey());
                assertThat(message.path("id").asLong()).isEqualTo(entry.getValue().path("messageId").asLong());
            }
            assertThat(stored.keySet()).as("seqs stay gap-free").allMatch(seq -> seq >= 1 && seq <= stored.size());
            var resend = http.post("/api/v1/messages", aliceToken,
                    HttpJson.json("clientMessageId", "k0", "to", "bob", "body", "durable 0"));
            assertThat(resend.body().toString()).isEqualTo(acked.get("k0").toString());
        }
    }
}
