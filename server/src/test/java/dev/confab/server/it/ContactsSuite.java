package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.TestSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Friend requests, friends, blocks, search and the event log, as two or three people use them. */
abstract class ContactsSuite extends ServerTestBase {

    @Override
    Map<String, String> overrides() {
        return Map.of("contacts.direct-messages", "friends-only", "auth.login-attempts-per-window", "1000",
                "contacts.searches-per-window", "1000", "ws.idle-timeout", "3h");
    }

    @Test
    void strangersFindEachOtherByEmailBecomeFriendsSeePresenceAndChatAfterBeingOffline() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        String bobEmail = bob.username() + "@example.org";
        assertThat(http().patch("/api/v1/me", bob.token(), HttpJson.json("email", bobEmail.toUpperCase(), "phone", "+15551234567")).status())
                .isEqualTo(200);
        var found = http().get("/api/v1/users/search?q=" + bobEmail, alice.token());
        assertThat(found.body().path("users")).hasSize(1);
        assertThat(found.body().path("users").get(0).path("id").asLong()).isEqualTo(bob.id());
        assertThat(found.text()).doesNotContain(bobEmail).doesNotContain("5551234567");

        var request = http().post("/api/v1/friend-requests", alice.token(), HttpJson.json("toUserId", bob.id(), "message", "hi, it's Alice"));
        assertThat(request.status()).as(request.text()).isEqualTo(201);
        long requestId = request.body().path("id").asLong();

        TestSocket bobSocket = connect(bob);
        JsonNode hello = bobSocket.awaitType("hello");
        assertThat(hello.path("lastEventSeq").asLong()).as("bob was offline when the request came").isPositive();
        bobSocket.send(HttpJson.json("type", "events", "id", "e1", "afterSeq", 0));
        JsonNode received = bobSocket.awaitReply("e1").path("page").path("events").findParent("type");
        assertThat(eventsOf(bobSocket.awaitReply("e1"))).contains("friend_request.received");
        assertThat(received).isNotNull();

        TestSocket aliceSocket = connect(alice);
        assertThat(http().post("/api/v1/friend-requests/" + requestId + "/accept", bob.token(), null).body().path("status").asText())
                .isEqualTo("ACCEPTED");
        assertThat(aliceSocket.await(f -> f.path("type").asText().equals("event")
                && f.path("event").path("type").asText().equals("friend_request.accepted")).path("event").path("data")
                .path("request").path("to").path("id").asLong()).isEqualTo(bob.id());

        var presence = http().get("/api/v1/presence?userIds=" + bob.id(), alice.token()).body().path("presence").get(0);
        assertThat(presence.path("online").asBoolean()).isTrue();
        aliceSocket.send(sendFrame("m1", "m1", bob.username(), null, "friends now"));
        assertThat(aliceSocket.awaitReply("m1").path("type").asText()).isEqualTo("ack");
        assertThat(bobSocket.awaitType("message").path("message").path("body").asText()).isEqualTo("friends now");
        bobSocket.close();
        aliceSocket.await(f -> f.path("type").asText().equals("presence") && !f.path("presence").path("online").asBoolean());
    }

    @Test
    void aBlockedPersonNoticesNothing() {
        User bob = newUser("bob");
        User carol = newUser("carol");
        befriend(carol, bob);
        TestSocket carolSocket = connect(carol);
        TestSocket bobSocket = connect(bob);
        // Friends until now, so carol (already connected) sees bob come online; what matters is what she
        // hears after the block.
        awaitPresence(carolSocket, bob, true);
        int beforeBlock = carolSocket.frames().size();
        assertThat(http().put("/api/v1/blocks/" + carol.id(), bob.token(), null).status()).isEqualTo(204);

        carolSocket.send(sendFrame("c1", "c1", bob.username(), null, "are you there?"));
        JsonNode ack = carolSocket.awaitReply("c1");
        assertThat(ack.path("type").asText()).as("the sender gets a normal ack").isEqualTo("ack");
        long conversation = ack.path("ack").path("conversationId").asLong();
        bobSocket.send("{\"type\":\"ping\",\"id\":\"after\"}");
        bobSocket.awaitReply("after");
        assertThat(bobSocket.frames()).noneMatch(f -> f.path("type").asText().equals("message"));

        JsonNode bobView = http().get("/api/v1/conversations/" + conversation + "/messages?after=0", bob.token()).body();
        JsonNode hidden = bobView.path("messages").get(0);
        assertThat(hidden.path("seq").asLong()).as("the blocker's history stays gap-free").isEqualTo(1);
        assertThat(hidden.path("body").asText()).isEmpty();
        assertThat(hidden.path("contentType").asText()).isEqualTo("application/vnd.confab.withheld");
        JsonNode carolView = http().get("/api/v1/conversations/" + conversation + "/messages?after=0", carol.token()).body();
        assertThat(carolView.path("messages").get(0).path("body").asText()).isEqualTo("are you there?");
        assertThat(http().get("/api/v1/conversations", bob.token()).body().path("conversations").get(0).path("unread").asLong())
                .as("withheld messages are not unread").isZero();

        JsonNode seenByCarol = http().get("/api/v1/presence?userIds=" + bob.id(), carol.token()).body().path("presence").get(0);
        assertThat(seenByCarol.path("online").asBoolean()).isFalse();
        assertThat(seenByCarol.has("lastSeenAt")).isFalse();
        assertThat(http().get("/api/v1/friends", carol.token()).body().path("friends").findValuesAsText("username"))
                .as("the friendship still looks intact").contains(bob.username());
        assertThat(http().get("/api/v1/blocks", bob.token()).body().path("blocked").get(0).path("user").path("id").asLong())
                .isEqualTo(carol.id());
        bobSocket.close();
        carolSocket.send("{\"type\":\"ping\",\"id\":\"late\"}");
        carolSocket.awaitReply("late");
        assertThat(carolSocket.frames().subList(beforeBlock, carolSocket.frames().size()))
                .as("after the block carol hears nothing of bob's presence")
                .noneMatch(f -> f.path("type").asText().equals("presence"));
    }

    @Test
    void requestsFromABlockedPersonAreKeptForThemButNeverShown() {
        User bob = newUser("bob");
        User carol = newUser("carol");
        http().put("/api/v1/blocks/" + carol.id(), bob.token(), null);
        var sent = http().post("/api/v1/friend-requests", carol.token(), HttpJson.json("to", bob.username()));
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.body().path("status").asText()).isEqualTo("PENDING");
        assertThat(http().get("/api/v1/friend-requests?direction=outgoing", carol.token()).body().path("requests")).hasSize(1);
        assertThat(http().get("/api/v1/friend-requests?direction=incoming", bob.token()).body().path("requests")).isEmpty();
        assertThat(eventTypes(bob)).doesNotContain("friend_request.received");
        var accept = http().post("/api/v1/friend-requests/" + sent.body().path("id").asLong() + "/accept", bob.token(), null);
        assertThat(accept.errorCode()).isEqualTo("contact.request_not_found");
    }

    @Test
    void strangersCannotMessageUnderFriendsOnly() {
        User alice = newUser("alice");
        User eve = newUser("eve");
        var refused = http().post("/api/v1/messages", eve.token(), HttpJson.json("clientMessageId", "x", "to", alice.username(), "body", "hi"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("contact.not_friends");
        assertThat(http().get("/api/v1/conversations", alice.token()).body().path("conversations")).as("no trace").isEmpty();
        befriend(alice, eve);
        assertThat(http().post("/api/v1/messages", eve.token(), HttpJson.json("clientMessageId", "y", "to", alice.username(), "body", "hi")).status())
                .isEqualTo(201);
        http().delete("/api/v1/friends/" + alice.id(), eve.token());
        var resend = http().post("/api/v1/messages", eve.token(), HttpJson.json("clientMessageId", "y", "to", alice.username(), "body", "hi"));
        assertThat(resend.status()).as("a resend still gets its original ack: " + resend.text()).isEqualTo(201);
        assertThat(resend.body().path("seq").asLong()).isEqualTo(1);
        assertThat(http().post("/api/v1/messages", eve.token(), HttpJson.json("clientMessageId", "z", "to", alice.username(), "body", "hi")).errorCode())
                .isEqualTo("contact.not_friends");
    }

    @Test
    void searchIsExactAndHonoursPrivacy() {
        User alice = newUser("alice");
        User dora = newUser("dora");
        String email = dora.username() + "@mail.example";
        http().patch("/api/v1/me", dora.token(), HttpJson.json("email", email, "phone", "+44 20 7946 0000"));
        assertThat(search(alice, dora.username().toUpperCase())).containsExactly(dora.id());
        assertThat(search(alice, dora.username().substring(0, 6))).as("no prefixes").isEmpty();
        assertThat(search(alice, email.substring(0, email.length() - 1))).isEmpty();
        assertThat(search(alice, "+442079460000")).containsExactly(dora.id());
        http().patch("/api/v1/me", dora.token(), HttpJson.json("findableByEmail", false, "findableByPhone", false));
        assertThat(search(alice, email)).isEmpty();
        assertThat(search(alice, "+442079460000")).isEmpty();
        assertThat(search(alice, dora.username())).containsExactly(dora.id());
        var me = http().get("/api/v1/me", dora.token()).body();
        assertThat(me.path("email").asText()).isEqualTo(email);
        assertThat(me.path("findableByEmail").asBoolean()).isFalse();
    }

    @Test
    void theLifecycleInEveryOrder() {
        User a = newUser("a");
        User b = newUser("b");
        long first = requestId(http().post("/api/v1/friend-requests", a.token(), HttpJson.json("to", b.username())));
        assertThat(requestId(http().post("/api/v1/friend-requests", a.token(), HttpJson.json("to", b.username()))))
                .as("asking again returns the open request").isEqualTo(first);
        assertThat(http().post("/api/v1/friend-requests/" + first + "/accept", a.token(), null).errorCode())
                .as("only the recipient may accept").isEqualTo("contact.request_not_found");
        assertThat(http().post("/api/v1/friend-requests/" + first + "/cancel", b.token(), null).errorCode())
                .as("only the sender may cancel").isEqualTo("contact.request_not_found");
        assertThat(http().post("/api/v1/friend-requests/" + first + "/decline", b.token(), null).body().path("status").asText())
                .isEqualTo("DECLINED");
        assertThat(http().post("/api/v1/friend-requests/" + first + "/accept", b.token(), null).errorCode())
                .isEqualTo("contact.request_not_pending");
        assertThat(http().post("/api/v1/friend-requests", a.token(), HttpJson.json("to", b.username())).errorCode())
                .isEqualTo("contact.request_throttled");
        assertThat(eventTypes(a)).contains("friend_request.sent", "friend_request.declined");

        long fromB = requestId(http().post("/api/v1/friend-requests", b.token(), HttpJson.json("to", a.username())));
        assertThat(http().post("/api/v1/friend-requests/" + fromB + "/cancel", b.token(), null).body().path("status").asText())
                .isEqualTo("CANCELLED");
        assertThat(eventTypes(a)).contains("friend_request.received", "friend_request.cancelled");
        assertThat(http().post("/api/v1/friend-requests/" + fromB + "/accept", a.token(), null).errorCode())
                .isEqualTo("contact.request_not_pending");

        long again = requestId(http().post("/api/v1/friend-requests", b.token(), HttpJson.json("to", a.username())));
        server.clock().advance(Duration.ofDays(31));
        a = login(a, "after-a-month");
        assertThat(http().post("/api/v1/friend-requests/" + again + "/accept", a.token(), null).errorCode())
                .isEqualTo("contact.request_expired");
        assertThat(http().get("/api/v1/friend-requests?direction=incoming", a.token()).body().path("requests")).isEmpty();
        assertThat(http().post("/api/v1/friend-requests", a.token(), HttpJson.json("to", a.username())).errorCode())
                .isEqualTo("contact.request_to_self");
        assertThat(http().post("/api/v1/friend-requests", a.token(), HttpJson.json("to", "nobody-like-this")).errorCode())
                .isEqualTo("user.not_found");
    }

    @Test
    void crossingRequestsMakeOneFriendship() throws Exception {
        for (int round = 0; round < 5; round++) {
            User a = newUser("x");
            User b = newUser("y");
            List<JsonNode> answers = concurrently(
                    () -> http().post("/api/v1/friend-requests", a.token(), HttpJson.json("to", b.username())).body(),
                    () -> http().post("/api/v1/friend-requests", b.token(), HttpJson.json("to", a.username())).body());
            assertThat(answers).extracting(n -> n.path("status").asText()).as(answers.toString()).contains("ACCEPTED");
            assertThat(http().get("/api/v1/friends", a.token()).body().path("friends")).hasSize(1);
            assertThat(http().get("/api/v1/friends", b.token()).body().path("friends")).hasSize(1);
            assertThat(eventTypes(a).stream().filter("friend_request.accepted"::equals)).hasSize(1);
        }
    }

    @Test
    void acceptRacingCancelHasExactlyOneWinner() throws Exception {
        for (int round = 0; round < 5; round++) {
            User a = newUser("r");
            User b = newUser("s");
            long id = requestId(http().post("/api/v1/friend-requests", a.token(), HttpJson.json("to", b.username())));
            List<JsonNode> answers = concurrently(
                    () -> http().post("/api/v1/friend-requests/" + id + "/cancel", a.token(), null).body(),
                    () -> http().post("/api/v1/friend-requests/" + id + "/accept", b.token(), null).body());
            long winners = answers.stream().filter(n -> n.has("status")).count();
            assertThat(winners).as(answers.toString()).isEqualTo(1);
            assertThat(answers).anyMatch(n -> n.path("error").path("code").asText().equals("contact.request_not_pending"));
            boolean friends = answers.get(1).has("status");
            assertThat(http().get("/api/v1/friends", a.token()).body().path("friends")).hasSize(friends ? 1 : 0);
        }
    }

    @Test
    void removingAFriendAndRemarksReachEveryListLive() {
        User a = newUser("p");
        User b = newUser("q");
        befriend(a, b);
        TestSocket bSocket = connect(b);
        assertThat(http().put("/api/v1/friends/" + b.id() + "/remark", a.token(), HttpJson.json("remark", "Bobby 🐻")).status())
                .isEqualTo(204);
        assertThat(http().get("/api/v1/friends", a.token()).body().path("friends").get(0).path("remark").asText()).isEqualTo("Bobby 🐻");
        assertThat(http().patch("/api/v1/me", a.token(), HttpJson.json("displayName", "Ann")).status()).isEqualTo(200);
        assertThat(bSocket.await(f -> f.path("event").path("type").asText().equals("profile.changed"))
                .path("event").path("data").path("user").path("displayName").asText()).isEqualTo("Ann");
        assertThat(http().delete("/api/v1/friends/" + b.id(), a.token()).status()).isEqualTo(204);
        assertThat(bSocket.await(f -> f.path("event").path("type").asText().equals("friend.removed"))
                .path("event").path("data").path("userId").asLong()).isEqualTo(a.id());
        assertThat(http().get("/api/v1/friends", b.token()).body().path("friends")).isEmpty();
        assertThat(http().delete("/api/v1/friends/" + b.id(), a.token()).errorCode()).isEqualTo("contact.friend_not_found");
        List<Long> seqs = new ArrayList<>();
        http().get("/api/v1/events?after=0", b.token()).body().path("events").forEach(e -> seqs.add(e.path("seq").asLong()));
        assertThat(seqs).as("the event log is gap-free").containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, seqs.size()).boxed().toList());
    }

    static void awaitPresence(TestSocket socket, User user, boolean online) {
        socket.await(f -> f.path("type").asText().equals("presence")
                && f.path("presence").path("userId").asLong() == user.id()
                && f.path("presence").path("online").asBoolean() == online);
    }

    void befriend(User from, User to) {
        long id = requestId(http().post("/api/v1/friend-requests", from.token(), HttpJson.json("to", to.username())));
        assertThat(http().post("/api/v1/friend-requests/" + id + "/accept", to.token(), null).status()).isEqualTo(200);
    }

    static long requestId(HttpJson.Response r) {
        assertThat(r.status()).as(r.text()).isIn(200, 201);
        return r.body().path("id").asLong();
    }

    List<Long> search(User who, String q) {
        var r = http().get("/api/v1/users/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), who.token());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.body().path("users").forEach(u -> ids.add(u.path("id").asLong()));
        return ids;
    }

    List<String> eventTypes(User who) {
        return http().get("/api/v1/events?after=0", who.token()).body().path("events").findValuesAsText("type");
    }

    static List<String> eventsOf(JsonNode eventsAnswer) {
        return eventsAnswer.path("page").path("events").findValuesAsText("type");
    }

    @SafeVarargs
    static List<JsonNode> concurrently(java.util.concurrent.Callable<JsonNode>... calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<JsonNode> out = new ArrayList<>();
            for (Future<JsonNode> f : futures) {
                out.add(f.get());
            }
            return out;
        }
    }
}
