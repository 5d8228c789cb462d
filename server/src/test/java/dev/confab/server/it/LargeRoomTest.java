package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.server.testing.Backend;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.TestSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Fan-out at size: a 1,000-member room delivers every message to every online member exactly once
 * after dedup by (conversation, seq). Accounts come from the admin bulk path (one password hash for
 * all, instead of a thousand), and each joins the room over HTTP like any client.
 */
class LargeRoomTest extends ServerTestBase {
    private static final int MEMBERS = 1000;
    private static final int SENDERS = 5;
    private static final String ADMIN_TOKEN = "large-room-admin-token-0123456789";

    @Override
    Backend backend() {
        return Backend.SQLITE;
    }

    @Override
    Map<String, String> overrides() {
        return Map.of("ws.idle-timeout", "3h", "admin.token", ADMIN_TOKEN);
    }

    @Test
    void everyOnlineMemberGetsEveryMessageOnce() throws Exception {
        User host = newUser("host");
        long room = http().post("/api/v1/rooms", host.token(), HttpJson.json("alias", "big-room", "title", "Big",
                "capacity", MEMBERS + 10)).body().path("id").asLong();
        List<User> members = provision(MEMBERS);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> joins = new ArrayList<>();
            for (User u : members) {
                joins.add(pool.submit(() -> http().post("/api/v1/rooms/big-room/join", u.token(), null).status()));
            }
            for (Future<Integer> join : joins) {
                assertThat(join.get()).isEqualTo(200);
            }
        }
        List<TestSocket> sockets = new ArrayList<>();
        for (User u : members) {
            sockets.add(connect(u));
        }
        long firstSeq = http().get("/api/v1/conversations/" + room + "/messages?before=999999&limit=1", host.token())
                .body().path("messages").get(0).path("seq").asLong() + 1;
        for (int s = 0; s < SENDERS; s++) {
            var r = http().post("/api/v1/messages", members.get(s).token(),
                    HttpJson.json("clientMessageId", "big-" + s, "conversationId", room, "body", "hello " + s));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
        }
        Set<Long> expected = new HashSet<>(LongStream.range(firstSeq, firstSeq + SENDERS).boxed().toList());
        for (int i = 0; i < sockets.size(); i++) {
            TestSocket socket = sockets.get(i);
            // A sender's own message was sent over HTTP, so its socket may or may not have it yet; wait for
            // everyone else's, which every member must get.
            boolean sender = i < SENDERS;
            Set<Long> fromOthers = new HashSet<>(expected);
            if (sender) {
                fromOthers.remove(firstSeq + i);
            }
            socket.await(f -> seqs(socket).containsAll(fromOthers));
            Set<Long> got = seqs(socket);
            if (sender) {
                got.add(firstSeq + i);
            }
            assertThat(got).as("member " + i).isEqualTo(expected);
        }
    }

    private List<User> provision(int count) {
        String prefix = uniqueName("m") + "-";
        var response = http().post("/api/v1/admin/bulk-accounts", ADMIN_TOKEN, HttpJson.json("prefix", prefix,
                "count", count, "password", "a password for the room", "deviceName", "test"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        List<User> users = new ArrayList<>();
        for (JsonNode a : response.body().path("accounts")) {
            users.add(new User(a.path("username").asText(), a.path("id").asLong(), a.path("token").asText(),
                    "a password for the room"));
        }
        return users;
    }

    private static Set<Long> seqs(TestSocket socket) {
        Set<Long> seqs = new HashSet<>();
        for (JsonNode f : socket.frames()) {
            if (f.path("type").asText().equals("message") && f.path("message").path("body").asText().startsWith("hello ")) {
                seqs.add(f.path("message").path("seq").asLong());
            }
        }
        return seqs;
    }
}
