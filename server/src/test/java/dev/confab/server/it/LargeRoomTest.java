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
 * after dedup by (conversation, seq). Accounts are real (registered and logged in over HTTP).
 */
class LargeRoomTest extends ServerTestBase {
    private static final int MEMBERS = 1000;
    private static final int SENDERS = 5;

    @Override
    Backend backend() {
        return Backend.SQLITE;
    }

    @Override
    Map<String, String> overrides() {
        return Map.of("ws.idle-timeout", "3h", "auth.login-attempts-per-window", "100000");
    }

    @Test
    void everyOnlineMemberGetsEveryMessageOnce() throws Exception {
        User host = newUser("host");
        long room = http().post("/api/v1/rooms", host.token(), HttpJson.json("alias", "big-room", "title", "Big",
                "capacity", MEMBERS + 10)).body().path("id").asLong();
        List<User> members = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<User>> joining = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                joining.add(pool.submit(() -> {
                    User u = newUser("m");
                    assertThat(http().post("/api/v1/rooms/big-room/join", u.token(), null).status()).isEqualTo(200);
                    return u;
                }));
            }
            for (Future<User> f : joining) {
                members.add(f.get());
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
            int own = i < SENDERS ? 1 : 0;
            socket.await(f -> seqs(socket).size() >= SENDERS - own);
            Set<Long> got = seqs(socket);
            if (own == 1) {
                got.add(firstSeq + i);
            }
            assertThat(got).as("member " + i).isEqualTo(expected);
        }
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
