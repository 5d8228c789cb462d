package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.TestSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Ordering, idempotency, sync and multi-device delivery over real sockets. */
abstract class MessagingSuite extends ServerTestBase {

    @Override
    java.util.Map<String, String> overrides() {
        return java.util.Map.of("auth.login-attempts-per-window", "1000");
    }

    @Test
    void fiftyConcurrentSendersGetGapFreeSeqs() throws Exception {
        User alice = newUser("alice");
        User bob = newUser("bob");
        long conversation = firstMessage(alice, bob);
        int senders = 50;
        int perSender = 4;
        List<User> devices = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            devices.add(login(i % 2 == 0 ? alice : bob, "dev-" + i));
        }
        // All connected before any task starts: a failed connect then fails the test instead of
        // leaving submitted tasks waiting on the start signal forever.
        List<TestSocket> connected = new ArrayList<>();
        for (User device : devices) {
            connected.add(connect(device));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < senders; i++) {
                TestSocket socket = connected.get(i);
                int sender = i;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> seqs = new ArrayList<>();
                    for (int m = 0; m < perSender; m++) {
                        String id = "s" + sender + "-" + m;
                        socket.send(sendFrame(id, id, null, conversation, "from " + sender + " #" + m));
                    }
                    for (int m = 0; m < perSender; m++) {
                        JsonNode ack = socket.awaitReply("s" + sender + "-" + m);
                        assertThat(ack.path("type").asText()).as(ack.toString()).isEqualTo("ack");
                        seqs.add(ack.path("ack").path("seq").asLong());
                    }
                    assertThat(seqs).as("one sender's messages keep their order").isSorted();
                    return seqs;
                }));
            }
            start.countDown();
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> f : results) {
                all.addAll(f.get());
            }
            long total = 1 + (long) senders * perSender;
            assertThat(all).hasSize(senders * perSender);
            List<Long> stored = syncAll(alice, conversation);
            assertThat(stored).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        }
    }

    @Test
    void resendsAreStoredOnceWithIdenticalAcks() throws Exception {
        User alice = newUser("alice");
        User bob = newUser("bob");
        TestSocket socket = connect(alice);
        List<String> acks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            socket.send(sendFrame("r" + i, "same-client-id", bob.username(), null, "hello once"));
            acks.add(socket.awaitReply("r" + i).path("ack").toString());
        }
        assertThat(new HashSet<>(acks)).hasSize(1);

        String body = HttpJson.json("clientMessageId", "concurrent-id", "to", bob.username(), "body", "at once");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> concurrent = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                concurrent.add(pool.submit((Callable<String>) () -> {
                    start.await();
                    var r = http().post("/api/v1/messages", alice.token(), body);
                    assertThat(r.status()).as(r.text()).isEqualTo(201);
                    return r.body().toString();
                }));
            }
            start.countDown();
            Set<String> distinct = new HashSet<>();
            for (Future<String> f : concurrent) {
                distinct.add(f.get());
            }
            assertThat(distinct).hasSize(1);
        }
        long conversation = socket.awaitReply("r0").path("ack").path("conversationId").asLong();
        assertThat(syncAll(bob, conversation)).containsExactly(1L, 2L);
    }

    @Test
    void aClientIdReusedForAnotherConversationIsRefused() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        User carol = newUser("carol");
        firstMessage(alice, bob);
        var reused = http().post("/api/v1/messages", alice.token(),
                HttpJson.json("clientMessageId", "first-" + bob.username(), "to", carol.username(), "body", "hi"));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.errorCode()).isEqualTo("message.client_id_reused");
    }

    @Test
    void offlineRecipientGetsEverythingOnSync() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        TestSocket socket = connect(alice);
        for (int i = 0; i < 30; i++) {
            socket.send(sendFrame("o" + i, "o" + i, bob.username(), null, "message " + i + " 你好 🎉"));
        }
        long conversation = socket.awaitReply("o29").path("ack").path("conversationId").asLong();
        var list = http().get("/api/v1/conversations", bob.token());
        JsonNode entry = list.body().path("conversations").get(0);
        assertThat(entry.path("id").asLong()).isEqualTo(conversation);
        assertThat(entry.path("unread").asLong()).isEqualTo(30);
        assertThat(entry.path("peer").path("username").asText()).isEqualTo(alice.username());
        assertThat(entry.path("lastMessage").path("body").asText()).isEqualTo("message 29 你好 🎉");
        assertThat(syncAll(bob, conversation)).hasSize(30);
    }

    @Test
    void cutShortSyncReportsItsCursor() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        long conversation = firstMessage(alice, bob);
        TestSocket socket = connect(alice);
        for (int i = 0; i < 9; i++) {
            socket.send(sendFrame("c" + i, "c" + i, null, conversation, "m" + i));
        }
        socket.awaitReply("c8");
        TestSocket reader = connect(bob);
        reader.send(HttpJson.json("type", "sync", "id", "q1", "conversationId", conversation, "afterSeq", 0, "limit", 4));
        JsonNode page = reader.awaitReply("q1").path("page");
        assertThat(page.path("hasMore").asBoolean()).isTrue();
        assertThat(page.path("cursor").asLong()).isEqualTo(4);
        assertThat(page.path("messages")).hasSize(4);
        var last = http().get("/api/v1/conversations/" + conversation + "/messages?after=8&limit=4", bob.token());
        assertThat(last.body().path("hasMore").asBoolean()).isFalse();
        assertThat(last.body().has("cursor")).isFalse();
        assertThat(last.body().path("messages")).hasSize(2);
        var history = http().get("/api/v1/conversations/" + conversation + "/messages?limit=3", bob.token());
        assertThat(history.body().path("messages").findValuesAsText("seq")).containsExactly("8", "9", "10");
        assertThat(history.body().path("cursor").asLong()).isEqualTo(8);
    }

    @Test
    void everyDeviceOfBothSidesSeesTheMessage() {
        User alice = newUser("alice", "phone");
        User aliceLaptop = login(alice, "laptop");
        User bob = newUser("bob", "phone");
        User bobLaptop = login(bob, "laptop");
        TestSocket alicePhone = connect(alice);
        TestSocket aliceSecond = connect(aliceLaptop);
        TestSocket bobPhone = connect(bob);
        TestSocket bobSecond = connect(bobLaptop);
        alicePhone.send(sendFrame("m1", "m1", bob.username(), null, "to all devices"));
        alicePhone.awaitReply("m1");
        for (TestSocket s : List.of(aliceSecond, bobPhone, bobSecond)) {
            JsonNode msg = s.awaitType("message").path("message");
            assertThat(msg.path("body").asText()).isEqualTo("to all devices");
            assertThat(msg.path("seq").asLong()).isEqualTo(1);
            assertThat(msg.path("senderId").asLong()).isEqualTo(alice.id());
        }
        assertThat(alicePhone.frames()).as("the sending device has the ack, not an echo")
                .noneMatch(f -> f.path("type").asText().equals("message"));
    }

    @Test
    void readPositionClearsUnreadAndNeverMovesBack() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        long conversation = firstMessage(alice, bob);
        http().post("/api/v1/messages", alice.token(), HttpJson.json("clientMessageId", "x2", "conversationId", conversation, "body", "2"));
        assertThat(http().post("/api/v1/conversations/" + conversation + "/read", bob.token(), "{\"seq\":2}").status()).isEqualTo(204);
        http().post("/api/v1/conversations/" + conversation + "/read", bob.token(), "{\"seq\":1}");
        JsonNode entry = http().get("/api/v1/conversations", bob.token()).body().path("conversations").get(0);
        assertThat(entry.path("readSeq").asLong()).isEqualTo(2);
        assertThat(entry.path("unread").asLong()).isZero();
    }

    @Test
    void theConversationListIsPagedNeverCut() {
        User alice = newUser("alice");
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expected.addFirst(firstMessage(alice, newUser("peer")));
        }
        var first = http().get("/api/v1/conversations?limit=2", alice.token()).body();
        assertThat(first.path("hasMore").asBoolean()).isTrue();
        var second = http().get("/api/v1/conversations?limit=2&before=" + first.path("cursor").asText(), alice.token()).body();
        assertThat(second.path("hasMore").asBoolean()).isFalse();
        List<Long> seen = new ArrayList<>();
        first.path("conversations").forEach(c -> seen.add(c.path("id").asLong()));
        second.path("conversations").forEach(c -> seen.add(c.path("id").asLong()));
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(http().get("/api/v1/conversations?before=nonsense", alice.token()).errorCode()).isEqualTo("request.invalid");
    }

    @Test
    void strangersCannotReadAConversation() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        User eve = newUser("eve");
        long conversation = firstMessage(alice, bob);
        var r = http().get("/api/v1/conversations/" + conversation + "/messages?after=0", eve.token());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("conversation.not_found");
    }

    @Test
    void strangersCannotSendToAConversationAndLearnNothingAboutIt() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        User eve = newUser("eve");
        long direct = firstMessage(alice, bob);
        var created = http().post("/api/v1/groups", alice.token(), HttpJson.json("title", "Pair"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long group = created.body().path("id").asLong();

        for (long conversation : new long[] {direct, group, 987654321L}) {
            var r = http().post("/api/v1/messages", eve.token(),
                    HttpJson.json("clientMessageId", "eve-" + conversation, "conversationId", conversation, "body", "psst"));
            assertThat(r.errorCode()).as("conversation %d", conversation).isEqualTo("conversation.not_found");
        }
        var history = http().get("/api/v1/conversations/" + group + "/messages?after=0", alice.token()).body().path("messages");
        assertThat(history.findValuesAsText("body")).doesNotContain("psst");
    }

    long firstMessage(User from, User to) {
        var r = http().post("/api/v1/messages", from.token(),
                HttpJson.json("clientMessageId", "first-" + to.username(), "to", to.username(), "body", "hi"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().path("conversationId").asLong();
    }

    /** Every seq of the conversation, following cursors page by page. */
    List<Long> syncAll(User reader, long conversation) {
        List<Long> seqs = new ArrayList<>();
        long after = 0;
        while (true) {
            var r = http().get("/api/v1/conversations/" + conversation + "/messages?after=" + after + "&limit=64", reader.token());
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            r.body().path("messages").forEach(m -> seqs.add(m.path("seq").asLong()));
            if (!r.body().path("hasMore").asBoolean()) {
                return seqs;
            }
            after = r.body().path("cursor").asLong();
        }
    }
}
