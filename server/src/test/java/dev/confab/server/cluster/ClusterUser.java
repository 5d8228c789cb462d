package dev.confab.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.server.testing.HttpJson;
import java.util.concurrent.atomic.AtomicInteger;

/** A registered, logged-in user of a cluster test, and the HTTP calls tests make for it. */
record ClusterUser(String username, long id, String token, String password) {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    static ClusterUser register(HttpJson http, String prefix) {
        String name = prefix + SEQUENCE.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100_000, 36);
        String password = "correct horse " + name;
        JsonNode login = http.registerAndLogin(name, password, "device-1");
        return new ClusterUser(name, login.path("account").path("id").asLong(), login.path("token").asText(), password);
    }

    /** Sends a friend request from this user and has {@code to} accept it. */
    void befriend(HttpJson http, ClusterUser to) {
        var request = http.post("/api/v1/friend-requests", token, HttpJson.json("to", to.username()));
        assertThat(request.status()).as(request.text()).isIn(200, 201);
        var accept = http.post("/api/v1/friend-requests/" + request.body().path("id").asLong() + "/accept", to.token(), null);
        assertThat(accept.status()).as(accept.text()).isEqualTo(200);
    }

    static String send(String id, long conversationId, String body) {
        return HttpJson.json("type", "send", "id", id, "clientMessageId", id, "conversationId", conversationId, "body", body);
    }

    static String sendTo(String id, String username, String body) {
        return HttpJson.json("type", "send", "id", id, "clientMessageId", id, "to", username, "body", body);
    }
}
