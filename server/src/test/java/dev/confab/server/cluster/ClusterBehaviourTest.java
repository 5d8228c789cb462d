package dev.confab.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.protocol.CloseCodes;
import dev.confab.server.testing.ClusterNodes;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.ServerProcess;
import dev.confab.server.testing.TestSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes, each its own process, on one PostgreSQL and one Redis, behave as one server: users on
 * different nodes reach each other in direct chats, groups and rooms; presence, session ends, tickets
 * and rate limits hold across nodes; assignment spreads clients evenly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterBehaviourTest {
    @TempDir
    static Path dir;

    private ClusterNodes cluster;

    @BeforeAll
    void startCluster() {
        // An hour-long window: a permit comes back only after six minutes, however slowly hashing runs.
        cluster = ClusterNodes.start(3, dir, Map.of("auth.login-attempt-window", "1h"));
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private HttpJson http(int node) {
        return cluster.node(node).http();
    }

    private TestSocket connect(int node, ClusterUser user) {
        TestSocket socket = TestSocket.connect(cluster.node(node).port(), user.token());
        socket.awaitType("hello");
        return socket;
    }

    @Test
    void directGroupAndRoomMessagesCrossNodes() {
        ClusterUser alice = ClusterUser.register(http(0), "alice");
        ClusterUser bob = ClusterUser.register(http(1), "bob");
        ClusterUser carol = ClusterUser.register(http(2), "carol");
        alice.befriend(http(0), bob);
        alice.befriend(http(1), carol);
        try (TestSocket a = connect(0, alice); TestSocket aOther = connect(2, alice);
             TestSocket b = connect(1, bob); TestSocket c = connect(2, carol)) {
            a.send(ClusterUser.sendTo("d1", bob.username(), "hello across nodes"));
            long direct = a.awaitReply("d1").path("ack").path("conversationId").asLong();
            assertThat(messageOn(b, direct, 1).path("body").asText()).isEqualTo("hello across nodes");
            assertThat(messageOn(aOther, direct, 1).path("body").asText()).as("the sender's other device").isEqualTo("hello across nodes");

            var group = http(0).post("/api/v1/groups", alice.token(),
                    "{\"title\":\"Across\",\"memberIds\":[" + bob.id() + "," + carol.id() + "]}");
            assertThat(group.status()).as(group.text()).isEqualTo(201);
            long groupId = group.body().path("id").asLong();
            b.send(ClusterUser.send("g1", groupId, "group hello from node 2"));
            long seq = b.awaitReply("g1").path("ack").path("seq").asLong();
            assertThat(messageOn(a, groupId, seq).path("body").asText()).isEqualTo("group hello from node 2");
            assertThat(messageOn(c, groupId, seq).path("body").asText()).isEqualTo("group hello from node 2");

            String alias = "across-" + System.nanoTime();
            var room = http(2).post("/api/v1/rooms", carol.token(), HttpJson.json("alias", alias, "title", "Across"));
            assertThat(room.status()).as(room.text()).isEqualTo(201);
            long roomId = room.body().path("id").asLong();
            assertThat(http(0).post("/api/v1/rooms/" + alias + "/join", alice.token(), null).status()).isEqualTo(200);
            assertThat(http(1).post("/api/v1/rooms/" + alias + "/join", bob.token(), null).status()).isEqualTo(200);
            // Joins were committed on nodes 1 and 2: node 3's cached members must not miss them.
            c.send(ClusterUser.send("r1", roomId, "room hello from node 3"));
            long roomSeq = c.awaitReply("r1").path("ack").path("seq").asLong();
            assertThat(messageOn(a, roomId, roomSeq).path("body").asText()).isEqualTo("room hello from node 3");
            assertThat(messageOn(b, roomId, roomSeq).path("body").asText()).isEqualTo("room hello from node 3");
        }
    }

    @Test
    void presenceFollowsUsersAcrossNodesAndOutOfADeadNode() throws Exception {
        ClusterUser alice = ClusterUser.register(http(0), "pa");
        ClusterUser bob = ClusterUser.register(http(1), "pb");
        alice.befriend(http(0), bob);
        ServerProcess extra = cluster.addNode();
        try (TestSocket a = connect(0, alice)) {
            TestSocket b = TestSocket.connect(extra.port(), bob.token());
            b.awaitType("hello");
            a.await(f -> isPresence(f, bob.id(), true));
            assertThat(presenceOf(http(2), alice, bob)).as("seen from a third node").isTrue();

            extra.kill();
            // The dead node stops heartbeating; a survivor reaps it and announces its users offline.
            a.await(f -> isPresence(f, bob.id(), false));
            assertThat(presenceOf(http(1), alice, bob)).isFalse();
            JsonNode bobSeen = http(0).get("/api/v1/presence?userIds=" + bob.id(), alice.token()).body();
            assertThat(bobSeen.path("presence").get(0).path("lastSeenAt").isTextual()).as(bobSeen.toString()).isTrue();
        }
        // Reaped: the dead node is no longer offered to clients.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(
                () -> http(0).get("/api/v1/cluster/assign", null).body().path("nodes").size() == 3);
    }

    @Test
    void assignmentSpreadsThreeHundredConnectionsEvenly() {
        List<ClusterUser> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(ClusterUser.register(http(i % 3), "spread"));
        }
        Map<Integer, Integer> perPort = new HashMap<>();
        List<TestSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                JsonNode answer = http(i % 3).get("/api/v1/cluster/assign", null).body();
                int port = URI.create(answer.path("node").path("url").asText()).getPort();
                TestSocket socket = TestSocket.connect(port, users.get(i % users.size()).token());
                sockets.add(socket);
                perPort.merge(port, 1, Integer::sum);
            }
            sockets.forEach(s -> s.awaitType("hello"));
            assertThat(perPort).hasSize(3);
            // Other tests' sockets may still be open on some node, which then rightly gets fewer.
            assertThat(perPort.values()).allSatisfy(n -> assertThat(n).isBetween(90, 110));
            JsonNode nodes = http(0).get("/api/v1/cluster/assign", null).body().path("nodes");
            assertThat(nodes.size()).isGreaterThanOrEqualTo(3);
        } finally {
            sockets.forEach(TestSocket::close);
        }
    }

    @Test
    void logoutAndPasswordChangeCloseSocketsOnEveryNode() {
        ClusterUser dave = ClusterUser.register(http(0), "dave");
        JsonNode second = http(1).login(dave.username(), dave.password(), "device-2");
        String secondToken = second.path("token").asText();
        try (TestSocket first = connect(2, dave); TestSocket other = TestSocket.connect(cluster.node(1).port(), secondToken)) {
            other.awaitType("hello");
            assertThat(http(0).delete("/api/v1/sessions/current", secondToken).status()).isEqualTo(204);
            assertThat(other.awaitClose()).isEqualTo(CloseCodes.SESSION_ENDED);

            JsonNode third = http(0).login(dave.username(), dave.password(), "device-3");
            var change = http(0).post("/api/v1/me/password", third.path("token").asText(), HttpJson.json(
                    "currentPassword", dave.password(), "newPassword", "a brand new password", "endOtherSessions", true));
            assertThat(change.status()).as(change.text()).isEqualTo(204);
            assertThat(first.awaitClose()).isEqualTo(CloseCodes.SESSION_ENDED);
        }
    }

    @Test
    void aTicketIssuedOnOneNodeOpensASocketOnAnother() {
        ClusterUser erin = ClusterUser.register(http(0), "erin");
        String ticket = http(0).post("/api/v1/ws-tickets", erin.token(), null).body().path("ticket").asText();
        try (TestSocket s = TestSocket.connect(cluster.node(2).port(), Map.of(), "?ticket=" + ticket)) {
            assertThat(s.awaitType("hello").path("userId").asLong()).isEqualTo(erin.id());
        }
        assertThat(TestSocket.upgradeStatus(cluster.node(1).port(), Map.of(), "?ticket=" + ticket))
                .as("single use, cluster-wide").isEqualTo(401);
    }

    @Test
    void loginAttemptsAreCountedAcrossNodes() {
        ClusterUser frank = ClusterUser.register(http(0), "frank");
        String wrong = HttpJson.json("username", frank.username(), "password", "not the password");
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            String code = http(i % 3).post("/api/v1/sessions", null, wrong).errorCode();
            if ("rate_limited".equals(code)) {
                limited++;
            }
        }
        // 10 attempts per window in all (the login at registration was the first), not 10 per node.
        assertThat(limited).isEqualTo(3);
    }

    private static JsonNode messageOn(TestSocket socket, long conversation, long seq) {
        return socket.await(f -> f.path("type").asText().equals("message")
                && f.path("message").path("conversationId").asLong() == conversation
                && f.path("message").path("seq").asLong() == seq).path("message");
    }

    private static boolean isPresence(JsonNode f, long user, boolean online) {
        return f.path("type").asText().equals("presence") && f.path("presence").path("userId").asLong() == user
                && f.path("presence").path("online").asBoolean() == online;
    }

    private static boolean presenceOf(HttpJson http, ClusterUser viewer, ClusterUser subject) {
        JsonNode body = http.get("/api/v1/presence?userIds=" + subject.id(), viewer.token()).body();
        return body.path("presence").get(0).path("online").asBoolean();
    }
}
