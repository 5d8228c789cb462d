package dev.confab.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.server.testing.Backend;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.TestServer;
import dev.confab.server.testing.TestSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One real server per test class on the backend the subclass names; sockets closed after each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerTestBase {
    Path dir;
    TestServer server;
    final List<TestSocket> sockets = new ArrayList<>();

    abstract Backend backend();

    /** Configuration overrides for this class's server. */
    Map<String, String> overrides() {
        return Map.of();
    }

    @BeforeAll
    void startServer() throws java.io.IOException {
        dir = java.nio.file.Files.createTempDirectory("confab-it");
        server = TestServer.start(backend(), dir, overrides());
    }

    @AfterAll
    void stopServer() throws java.io.IOException {
        if (server != null) {
            server.close();
        }
        try (var files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(TestSocket::close);
        sockets.clear();
    }

    HttpJson http() {
        return server.http();
    }

    /** A fresh user name, unique across tests sharing this server. */
    static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A registered and logged-in user. */
    record User(String username, long id, String token, String password) {
    }

    User newUser(String prefix) {
        return newUser(prefix, "device-1");
    }

    User newUser(String prefix, String deviceId) {
        String name = uniqueName(prefix);
        String password = "correct horse " + name;
        JsonNode login = http().registerAndLogin(name, password, deviceId);
        return new User(name, login.path("account").path("id").asLong(), login.path("token").asText(), password);
    }

    /** Another session (device) of an existing user. */
    User login(User user, String deviceId) {
        JsonNode login = http().login(user.username(), user.password(), deviceId);
        return new User(user.username(), user.id(), login.path("token").asText(), user.password());
    }

    TestSocket connect(User user) {
        TestSocket socket = TestSocket.connect(server.port(), user.token());
        sockets.add(socket);
        socket.awaitType("hello");
        return socket;
    }

    static String sendFrame(String id, String clientMessageId, String to, Long conversationId, String body) {
        return HttpJson.json("type", "send", "id", id, "clientMessageId", clientMessageId, "to", to,
                "conversationId", conversationId, "body", body);
    }
}
