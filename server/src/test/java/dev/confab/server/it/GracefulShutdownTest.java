package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.testing.Backend;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.TestServer;
import dev.confab.server.testing.TestSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a node tells connected clients to reconnect and keeps what was acknowledged. */
class GracefulShutdownTest {
    @TempDir
    Path dir;

    @Test
    void clientsAreToldToReconnectAndAckedMessagesStay() {
        String bobToken;
        long conversation;
        try (TestServer server = TestServer.start(Backend.SQLITE, dir, Map.of())) {
            HttpJson http = server.http();
            String aliceToken = http.registerAndLogin("alice", "alice password", "a").path("token").asText();
            bobToken = http.registerAndLogin("bob", "bob password!", "b").path("token").asText();
            TestSocket socket = TestSocket.connect(server.port(), aliceToken);
            socket.awaitType("hello");
            socket.send(ServerTestBase.sendFrame("1", "c1", "bob", null, "before shutdown"));
            conversation = socket.awaitReply("1").path("ack").path("conversationId").asLong();
            server.close();
            assertThat(socket.awaitType("goaway").path("reconnectAfterMillis").asLong()).isPositive();
            assertThat(socket.awaitClose()).isEqualTo(1001);
        }
        try (TestServer again = TestServer.start(Backend.SQLITE, dir, Map.of())) {
            var page = again.http().get("/api/v1/conversations/" + conversation + "/messages?after=0", bobToken);
            assertThat(page.body().path("messages").get(0).path("body").asText()).isEqualTo("before shutdown");
        }
    }
}
