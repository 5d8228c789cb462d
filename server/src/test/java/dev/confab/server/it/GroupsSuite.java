package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.TestSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Groups and rooms: roles, limits, system messages, history on join, disband and leave. */
abstract class GroupsSuite extends ServerTestBase {

    @Override
    Map<String, String> overrides() {
        return Map.of("contacts.direct-messages", "friends-only", "auth.login-attempts-per-window", "1000",
                "groups.max-size", "4", "ws.idle-timeout", "3h", "retention.sweep-interval", "200ms");
    }

    /** A group of owner, admin, member; plus an ex-member and a stranger. */
    record Cast(User owner, User admin, User member, User exMember, User stranger, long group) {
    }

    Cast cast() {
        User owner = newUser("own");
        User admin = newUser("adm");
        User member = newUser("mem");
        User ex = newUser("exm");
        User stranger = newUser("str");
        for (User u : List.of(admin, member, ex)) {
            befriend(owner, u);
        }
        long group = createGroup(owner, "Team", admin, member, ex);
        ok(http().put(conv(group) + "/members/" + admin.id() + "/role", owner.token(), "{\"role\":\"ADMIN\"}"));
        ok(http().post(conv(group) + "/leave", ex.token(), null));
        return new Cast(owner, admin, member, ex, stranger, group);
    }

    @Test
    void everyActionForEveryRole() {
        // action -> expected outcome per role (owner, admin, member, ex-member, stranger); "ok" is success.
        String[] roles = {"owner", "admin", "member", "exMember", "stranger"};
        String nf = "conversation.not_found";
        String no = "conversation.forbidden";
        Map<String, String[]> table = new LinkedHashMap<>();
        table.put("send", new String[] {"ok", "ok", "ok", nf, nf});
        table.put("read", new String[] {"ok", "ok", "ok", nf, nf});
        table.put("members", new String[] {"ok", "ok", "ok", nf, nf});
        table.put("edit", new String[] {"ok", "ok", no, nf, nf});
        table.put("setRole", new String[] {"ok", no, no, nf, nf});
        table.put("removeMember", new String[] {"ok", "ok", no, nf, nf});
        table.put("removeAdmin", new String[] {"ok", no, no, nf, nf});
        table.put("invite", new String[] {"ok", "ok", no, nf, nf});
        table.put("transfer", new String[] {"ok", no, no, nf, nf});
        table.put("disband", new String[] {"ok", no, no, nf, nf});
        for (var row : table.entrySet()) {
            for (int r = 0; r < roles.length; r++) {
                Cast c = cast();
                User actor = List.of(c.owner(), c.admin(), c.member(), c.exMember(), c.stranger()).get(r);
                User extra = newUser("new");
                befriend(actor, extra);
                HttpJson.Response answer = act(row.getKey(), c, actor, extra);
                String got = answer.status() < 300 ? "ok" : answer.errorCode();
                assertThat(got).as(row.getKey() + " by " + roles[r] + ": " + answer.text()).isEqualTo(row.getValue()[r]);
            }
        }
    }

    HttpJson.Response act(String action, Cast c, User actor, User extra) {
        String base = conv(c.group());
        return switch (action) {
            case "send" -> http().post("/api/v1/messages", actor.token(),
                    HttpJson.json("clientMessageId", "m" + actor.id(), "conversationId", c.group(), "body", "hi"));
            case "read" -> http().get(base + "/messages?after=0", actor.token());
            case "members" -> http().get(base + "/members", actor.token());
            case "edit" -> http().patch(base, actor.token(), HttpJson.json("title", "Renamed"));
            case "setRole" -> http().put(base + "/members/" + c.member().id() + "/role", actor.token(), "{\"role\":\"ADMIN\"}");
            case "removeMember" -> http().delete(base + "/members/" + c.member().id(), actor.token());
            case "removeAdmin" -> http().delete(base + "/members/" + c.admin().id(), actor.token());
            case "invite" -> http().post(base + "/members", actor.token(), "{\"userIds\":[" + extra.id() + "]}");
            case "transfer" -> http().post(base + "/transfer", actor.token(), "{\"userId\":" + c.member().id() + "}");
            case "disband" -> http().post(base + "/disband", actor.token(), null);
            default -> throw new IllegalArgumentException(action);
        };
    }

    @Test
    void everyMembersHistoryTellsTheSameStory() {
        Cast c = cast();
        http().post("/api/v1/messages", c.member().token(), HttpJson.json("clientMessageId", "a", "conversationId", c.group(), "body", "hello team"));
        ok(http().patch(conv(c.group()), c.admin().token(), HttpJson.json("title", "Team B", "description", "the B team")));
        JsonNode ownerView = http().get(conv(c.group()) + "/messages?after=0", c.owner().token()).body().path("messages");
        JsonNode memberView = http().get(conv(c.group()) + "/messages?after=0", c.member().token()).body().path("messages");
        assertThat(memberView).isEqualTo(ownerView);
        List<String> types = new ArrayList<>();
        ownerView.forEach(m -> types.add(m.path("contentType").asText().equals("application/vnd.confab.system+json")
                ? systemType(m) : "text"));
        assertThat(types).containsExactly("group.created", "member.role_changed", "member.left", "text", "conversation.edited");
        assertThat(ownerView.findValuesAsText("seq")).containsExactly("1", "2", "3", "4", "5");
        var details = http().get(conv(c.group()), c.member().token()).body();
        assertThat(details.path("title").asText()).isEqualTo("Team B");
        assertThat(details.path("memberCount").asInt()).isEqualTo(3);
        assertThat(details.path("myRole").asText()).isEqualTo("MEMBER");
        var list = http().get("/api/v1/conversations", c.member().token()).body().path("conversations").get(0);
        assertThat(list.path("kind").asText()).isEqualTo("GROUP");
        assertThat(list.path("title").asText()).isEqualTo("Team B");
    }

    @Test
    void groupMembersSeeEachOthersPresenceButRoomMembersDoNot() {
        Cast c = cast();
        TestSocket memberSocket = connect(c.member());
        TestSocket adminSocket = connect(c.admin());
        JsonNode online = memberSocket.await(f -> f.path("type").asText().equals("presence")
                && f.path("presence").path("userId").asLong() == c.admin().id());
        assertThat(online.path("presence").path("online").asBoolean()).as("not friends, but in one group").isTrue();
        User host = newUser("host");
        long room = http().post("/api/v1/rooms", host.token(), HttpJson.json("alias", "lobby-" + host.id(), "title", "Lobby"))
                .body().path("id").asLong();
        ok(http().post("/api/v1/rooms/" + room + "/join", c.member().token(), null));
        assertThat(http().get("/api/v1/presence?userIds=" + c.admin().id() + "," + host.id(), c.member().token()).body()
                .path("presence").findValuesAsText("online")).containsExactly("true", "false");
        adminSocket.close();
    }

    @Test
    void groupLimitsAndFriendRules() {
        Cast c = cast();
        User friendOfOwner = newUser("f");
        befriend(c.owner(), friendOfOwner);
        User notAFriend = newUser("n");
        assertThat(http().post(conv(c.group()) + "/members", c.owner().token(), "{\"userIds\":[" + notAFriend.id() + "]}")
                .errorCode()).isEqualTo("contact.not_friends");
        assertThat(http().post(conv(c.group()) + "/members", c.owner().token(), "{\"userIds\":[" + c.member().id() + "]}")
                .errorCode()).isEqualTo("conversation.already_member");
        ok(http().post(conv(c.group()) + "/members", c.owner().token(), "{\"userIds\":[" + friendOfOwner.id() + "]}"));
        User fifth = newUser("fifth");
        befriend(c.owner(), fifth);
        assertThat(http().post(conv(c.group()) + "/members", c.owner().token(), "{\"userIds\":[" + fifth.id() + "]}")
                .errorCode()).as("groups.max-size is 4").isEqualTo("conversation.full");
        assertThat(http().post(conv(c.group()) + "/leave", c.owner().token(), null).errorCode())
                .isEqualTo("conversation.owner_must_transfer");
        assertThat(http().patch(conv(c.group()), c.owner().token(), HttpJson.json("capacity", 600)).errorCode())
                .as("a group's capacity stays within groups.max-size").isEqualTo("conversation.invalid_settings");
        assertThat(http().get(conv(987654321L), c.owner().token()).errorCode()).isEqualTo("conversation.not_found");
    }

    @Test
    void disbandMidConversationLeavesReadableHistory() {
        Cast c = cast();
        TestSocket memberSocket = connect(c.member());
        http().post("/api/v1/messages", c.admin().token(), HttpJson.json("clientMessageId", "b", "conversationId", c.group(), "body", "before"));
        ok(http().post(conv(c.group()) + "/disband", c.owner().token(), null));
        JsonNode notice = memberSocket.await(f -> f.path("type").asText().equals("message")
                && f.path("message").path("body").asText().contains("conversation.disbanded"));
        assertThat(notice.path("message").path("contentType").asText()).isEqualTo("application/vnd.confab.system+json");
        assertThat(http().post("/api/v1/messages", c.admin().token(), HttpJson.json("clientMessageId", "c", "conversationId", c.group(), "body", "after"))
                .errorCode()).isEqualTo("conversation.disbanded");
        JsonNode history = http().get(conv(c.group()) + "/messages?after=0", c.member().token()).body().path("messages");
        assertThat(history.findValuesAsText("body")).contains("before");
        assertThat(http().get(conv(c.group()), c.member().token()).body().has("disbandedAt")).isTrue();
        ok(http().post(conv(c.group()) + "/leave", c.member().token(), null));
        assertThat(http().get(conv(c.group()), c.member().token()).errorCode()).isEqualTo("conversation.not_found");
    }

    @Test
    void roomsJoinByAliasWithCapacityAndHistorySettings() {
        User host = newUser("host");
        var created = http().post("/api/v1/rooms", host.token(), HttpJson.json("alias", "Java-Talk", "title", "Java talk",
                "topic", "JVM things", "capacity", 3, "history", "FROM_JOIN"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().path("alias").asText()).isEqualTo("java-talk");
        long room = created.body().path("id").asLong();
        assertThat(http().post("/api/v1/rooms", newUser("x").token(), HttpJson.json("alias", "JAVA-talk", "title", "dup")).errorCode())
                .isEqualTo("room.alias_taken");
        for (int i = 0; i < 3; i++) {
            http().post("/api/v1/messages", host.token(), HttpJson.json("clientMessageId", "h" + i, "conversationId", room, "body", "early " + i));
        }
        User guest = newUser("guest");
        assertThat(http().get("/api/v1/rooms?q=jav", guest.token()).body().path("rooms").findValuesAsText("alias")).contains("java-talk");
        var joined = http().post("/api/v1/rooms/java-talk/join", guest.token(), null);
        assertThat(joined.status()).as(joined.text()).isEqualTo(200);
        assertThat(joined.body().path("memberCount").asInt()).isEqualTo(2);
        JsonNode page = http().get(conv(room) + "/messages?after=0", guest.token()).body();
        assertThat(page.path("firstSeq").asLong()).as("FROM_JOIN starts at the join notice").isEqualTo(5);
        assertThat(page.path("messages").findValuesAsText("seq")).containsExactly("5");
        assertThat(http().get(conv(room) + "/messages?before=5", guest.token()).body().path("messages")).isEmpty();
        assertThat(http().post("/api/v1/rooms/" + room + "/join", guest.token(), null).status()).as("joining twice").isEqualTo(200);
        ok(http().post("/api/v1/rooms/java-talk/join", newUser("third").token(), null));
        assertThat(http().post("/api/v1/rooms/java-talk/join", newUser("fourth").token(), null).errorCode()).isEqualTo("room.full");
        assertThat(http().post("/api/v1/rooms/no-such-room/join", guest.token(), null).errorCode()).isEqualTo("room.not_found");
        assertThat(http().post("/api/v1/rooms", host.token(), HttpJson.json("alias", "x", "title", "t")).errorCode())
                .isEqualTo("room.invalid_alias");
        assertThat(http().post("/api/v1/rooms", host.token(), HttpJson.json("alias", "12345", "title", "t")).errorCode())
                .as("all-digit aliases would read as ids").isEqualTo("room.invalid_alias");
        User loner = newUser("loner");
        long solo = http().post("/api/v1/rooms", loner.token(), HttpJson.json("alias", "solo-" + loner.id(), "title", "Solo"))
                .body().path("id").asLong();
        ok(http().post(conv(solo) + "/leave", loner.token(), null));
        assertThat(http().post("/api/v1/rooms/" + solo + "/join", guest.token(), null).errorCode())
                .as("a room whose last member (the owner) left is disbanded").isEqualTo("room.not_found");
    }

    @Test
    void retentionRaisesTheLowerBoundAndSyncSaysSo() {
        User host = newUser("host");
        var created = http().post("/api/v1/rooms", host.token(), HttpJson.json("alias", "short-" + host.id(), "title", "Short",
                "retentionMaxMessages", 3));
        assertThat(created.body().path("retentionMaxMessages").asInt()).isEqualTo(3);
        long room = created.body().path("id").asLong();
        for (int i = 0; i < 6; i++) {
            http().post("/api/v1/messages", host.token(), HttpJson.json("clientMessageId", "r" + i, "conversationId", room, "body", "n" + i));
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                http().get(conv(room), host.token()).body().path("minSeq").asLong() == 5);
        JsonNode page = http().get(conv(room) + "/messages?after=0", host.token()).body();
        assertThat(page.path("firstSeq").asLong()).as("seqs 1..4 were removed: a floor, not a gap").isEqualTo(5);
        assertThat(page.path("messages").findValuesAsText("body")).containsExactly("n3", "n4", "n5");
        assertThat(http().get(conv(room) + "/messages?before=5", host.token()).body().path("messages")).isEmpty();
        ok(http().patch(conv(room), host.token(), HttpJson.json("retentionMaxMessages", 0)));
        assertThat(http().patch(conv(room), host.token(), HttpJson.json("retentionMaxMessages", -1)).errorCode())
                .isEqualTo("conversation.invalid_settings");
    }

    @Test
    /** A hundred devices sending at once into one room; a hundred distinct members of a group: GroupMessagesContract. */
    void aHundredConcurrentDevicesIntoOneRoomGetGapFreeSeqs() throws Exception {
        User host = newUser("host");
        long room = http().post("/api/v1/rooms", host.token(), HttpJson.json("alias", "busy-" + host.id(), "title", "Busy",
                "capacity", 200)).body().path("id").asLong();
        List<User> senders = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            User u = login(host, "device-" + i);
            senders.add(u);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> seqs = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (User u : senders) {
                seqs.add(pool.submit(() -> {
                    start.await();
                    var r = http().post("/api/v1/messages", u.token(), HttpJson.json("clientMessageId", "c", "conversationId", room, "body", "x"));
                    assertThat(r.status()).as(r.text()).isEqualTo(201);
                    return r.body().path("seq").asLong();
                }));
            }
            start.countDown();
            Set<Long> got = new HashSet<>();
            for (Future<Long> f : seqs) {
                got.add(f.get());
            }
            assertThat(got).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, 101).boxed().toList());
        }
    }

    void befriend(User from, User to) {
        var r = http().post("/api/v1/friend-requests", from.token(), HttpJson.json("to", to.username()));
        ok(http().post("/api/v1/friend-requests/" + r.body().path("id").asLong() + "/accept", to.token(), null));
    }

    long createGroup(User owner, String title, User... members) {
        StringBuilder ids = new StringBuilder();
        for (User m : members) {
            ids.append(ids.isEmpty() ? "" : ",").append(m.id());
        }
        var r = http().post("/api/v1/groups", owner.token(), "{\"title\":\"" + title + "\",\"memberIds\":[" + ids + "]}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().path("id").asLong();
    }

    static String conv(long id) {
        return "/api/v1/conversations/" + id;
    }

    static void ok(HttpJson.Response r) {
        assertThat(r.status()).as(r.text()).isLessThan(300);
    }

    static String systemType(JsonNode message) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(message.path("body").asText()).path("type").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
