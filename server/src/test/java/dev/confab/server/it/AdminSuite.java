package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.TestSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The admin API enabled: bulk provisioning of accounts with sessions, and bulk room joins. */
abstract class AdminSuite extends ServerTestBase {
    static final String ADMIN_TOKEN = "admin-token-for-tests-0123456789";
    private static final int MAX_BULK = 1500;
    private static final String PASSWORD = "bench password 1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    Map<String, String> overrides() {
        return Map.of("admin.token", ADMIN_TOKEN, "admin.max-bulk-accounts", Integer.toString(MAX_BULK));
    }

    @Test
    void requestsWithoutTheAdminTokenAreRefusedBeforeAnythingHappens() {
        User user = newUser("nosy");
        String prefix = uniqueName("x") + "-";
        String body = bulkBody(prefix, 3);
        for (String token : new String[] {null, user.token(), ADMIN_TOKEN + "x", ADMIN_TOKEN.substring(1), ""}) {
            var accounts = http().post("/api/v1/admin/bulk-accounts", token, body);
            assertThat(accounts.status()).as("token %s", token).isEqualTo(401);
            assertThat(accounts.errorCode()).isEqualTo("auth.unauthenticated");
            var join = http().post("/api/v1/admin/bulk-join", token, "{\"room\":\"nowhere\",\"userIds\":[1]}");
            assertThat(join.status()).isEqualTo(401);
        }
        var unparsable = http().post("/api/v1/admin/bulk-accounts", "wrong-token", "{oops");
        assertThat(unparsable.errorCode()).as("the token is checked before the body").isEqualTo("auth.unauthenticated");
        assertThat(http().post("/api/v1/sessions", null, HttpJson.json("username", prefix + 0, "password", PASSWORD))
                .status()).as("nothing was created").isEqualTo(401);
    }

    @Test
    void provisionsAThousandAccountsWhoseTokensWork() {
        String prefix = uniqueName("load") + "-";
        var response = bulk(prefix, 1000, "bench laptop");
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        JsonNode accounts = response.body().path("accounts");
        assertThat(accounts).hasSize(1000);
        Set<Long> ids = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        for (int n = 0; n < 1000; n++) {
            JsonNode a = accounts.get(n);
            assertThat(a.path("username").asText()).isEqualTo(prefix + n);
            assertThat(a.path("token").asText()).hasSize(43);
            ids.add(a.path("id").asLong());
            tokens.add(a.path("token").asText());
            assertThat(a.size()).as("id, username and token only").isEqualTo(3);
        }
        assertThat(ids).hasSize(1000);
        assertThat(tokens).hasSize(1000);
        for (int n : new int[] {0, 1, 499, 500, 998, 999}) {
            User user = user(accounts.get(n));
            var me = http().get("/api/v1/me", user.token());
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.body().path("id").asLong()).isEqualTo(user.id());
            assertThat(me.body().path("username").asText()).isEqualTo(prefix + n);
            var sessions = http().get("/api/v1/sessions", user.token()).body().path("sessions");
            assertThat(sessions).hasSize(1);
            assertThat(sessions.get(0).path("deviceId").asText()).isEqualTo(prefix + n);
            assertThat(sessions.get(0).path("deviceName").asText()).isEqualTo("bench laptop");
        }
        for (int n : new int[] {0, 500, 999}) {
            TestSocket socket = connect(user(accounts.get(n)));
            assertThat(socket.frames().getFirst().path("type").asText()).isEqualTo("hello");
        }
        var login = http().post("/api/v1/sessions", null, HttpJson.json("username", prefix + 7, "password", PASSWORD,
                "deviceId", "phone"));
        assertThat(login.status()).as("the shared password hash verifies").isEqualTo(201);
    }

    @Test
    void runningAgainReusesTheAccountsWithFreshSessions() {
        String prefix = uniqueName("again") + "-";
        User existing = register(prefix + 2, "someone else's password");
        JsonNode first = ok201(bulk(prefix, 5, "bench"));
        JsonNode second = ok201(bulk(prefix, 5, "bench"));
        for (int n = 0; n < 5; n++) {
            assertThat(second.get(n).path("id").asLong()).isEqualTo(first.get(n).path("id").asLong());
            assertThat(http().get("/api/v1/me", first.get(n).path("token").asText()).status())
                    .as("the earlier session on the same device was replaced").isEqualTo(401);
            assertThat(http().get("/api/v1/me", second.get(n).path("token").asText()).status()).isEqualTo(200);
        }
        assertThat(second.get(2).path("id").asLong()).as("a registered account is reused").isEqualTo(existing.id());
        assertThat(http().get("/api/v1/sessions", second.get(2).path("token").asText()).body().path("sessions"))
                .as("its own sessions stay").hasSize(2);
        assertThat(http().post("/api/v1/sessions", null, HttpJson.json("username", prefix + 2, "password",
                "someone else's password")).status()).as("and so does its password").isEqualTo(201);
        assertThat(http().post("/api/v1/sessions", null, HttpJson.json("username", prefix + 2, "password", PASSWORD))
                .status()).isEqualTo(401);
    }

    @Test
    void aReplacedSessionsSocketIsClosed() {
        String prefix = uniqueName("sock") + "-";
        JsonNode first = ok201(bulk(prefix, 2, "bench"));
        TestSocket socket = connect(user(first.get(1)));
        ok201(bulk(prefix, 2, "bench"));
        assertThat(socket.awaitClose()).isEqualTo(4001);
    }

    @Test
    void countsOutsideTheLimitAreRefusedWithTheirOwnMessage() {
        String prefix = uniqueName("lim") + "-";
        var over = bulk(prefix, MAX_BULK + 1, "bench");
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.errorCode()).isEqualTo("request.invalid");
        assertThat(over.body().path("error").path("message").asText()).contains("admin.max-bulk-accounts")
                .contains(Integer.toString(MAX_BULK));
        assertThat(bulk(prefix, 0, "bench").errorCode()).isEqualTo("request.invalid");
        assertThat(http().post("/api/v1/admin/bulk-accounts", ADMIN_TOKEN,
                HttpJson.json("prefix", prefix, "password", PASSWORD)).errorCode()).isEqualTo("request.invalid");
        assertThat(http().post("/api/v1/admin/bulk-accounts", ADMIN_TOKEN, "").errorCode()).isEqualTo("request.invalid");
        assertThat(http().post("/api/v1/admin/bulk-accounts", ADMIN_TOKEN,
                HttpJson.json("prefix", prefix, "count", "3", "password", PASSWORD)).errorCode())
                .as("types are strict").isEqualTo("request.invalid");
        assertThat(ok201(bulk(prefix, MAX_BULK, "bench"))).hasSize(MAX_BULK);
    }

    @Test
    void prefixesThatMakeInvalidUsernamesAndBadPasswordsAreRefused() {
        for (String prefix : new String[] {"has space-", "-dash", ".dot", "", "ü-", "a".repeat(32)}) {
            var r = bulk(prefix, 3, "bench");
            assertThat(r.status()).as(prefix).isEqualTo(400);
            assertThat(r.errorCode()).as(prefix).isEqualTo("account.invalid_username");
        }
        assertThat(http().post("/api/v1/admin/bulk-accounts", ADMIN_TOKEN,
                HttpJson.json("count", 3, "password", PASSWORD)).errorCode()).isEqualTo("account.invalid_username");
        var tooShort = bulk("a", 1, "bench");
        assertThat(tooShort.errorCode()).as("'a0' is too short").isEqualTo("account.invalid_username");
        assertThat(tooShort.body().path("error").path("message").asText()).contains("'a0'");
        String longest = "p".repeat(31);
        assertThat(bulk(longest, 11, "bench").errorCode()).as("'" + longest + "10' is too long")
                .isEqualTo("account.invalid_username");
        assertThat(ok201(bulk(longest, 10, "bench"))).hasSize(10);
        var weak = http().post("/api/v1/admin/bulk-accounts", ADMIN_TOKEN,
                HttpJson.json("prefix", uniqueName("w") + "-", "count", 2, "password", "short"));
        assertThat(weak.errorCode()).isEqualTo("account.invalid_password");
    }

    @Test
    void bulkJoinAddsMembersLikeJoiningOneByOne() {
        User owner = newUser("owner");
        String alias = "bulk-" + owner.id();
        long room = ok(http().post("/api/v1/rooms", owner.token(), HttpJson.json("alias", alias, "title", "Bulk",
                "capacity", 10, "history", "FROM_JOIN")), 201).path("id").asLong();
        TestSocket ownerSocket = connect(owner);
        JsonNode people = ok201(bulk(uniqueName("j") + "-", 12, "bench"));
        List<Long> ids = new ArrayList<>();
        people.forEach(p -> ids.add(p.path("id").asLong()));

        JsonNode first = ok(join(alias, List.of(ids.get(0), ids.get(1), ids.get(0), ids.get(2), owner.id())), 200);
        assertThat(first.path("conversationId").asLong()).isEqualTo(room);
        assertThat(longs(first.path("joined"))).containsExactly(ids.get(0), ids.get(1), ids.get(2));
        assertThat(longs(first.path("alreadyMembers"))).containsExactly(owner.id());
        assertThat(first.path("memberCount").asInt()).isEqualTo(4);
        assertThat(first.path("lastSeq").asLong()).isEqualTo(4);

        var full = join(String.valueOf(room), ids.subList(0, 10));
        assertThat(full.status()).as("3 members already, 7 newcomers, 6 places").isEqualTo(409);
        assertThat(full.errorCode()).isEqualTo("room.full");
        assertThat(http().get("/api/v1/conversations/" + room, owner.token()).body().path("memberCount").asInt())
                .as("all or nothing").isEqualTo(4);

        JsonNode second = ok(join(alias.toUpperCase(), ids.subList(0, 9)), 200);
        assertThat(longs(second.path("joined"))).containsExactlyElementsOf(ids.subList(3, 9));
        assertThat(longs(second.path("alreadyMembers"))).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(second.path("memberCount").asInt()).isEqualTo(10);
        assertThat(join(alias, List.of(ids.get(9))).errorCode()).isEqualTo("room.full");
        assertThat(ok(join(alias, ids.subList(0, 9)), 200).path("joined")).as("only members: nothing to do").isEmpty();

        JsonNode history = http().get("/api/v1/conversations/" + room + "/messages?after=0", owner.token()).body();
        JsonNode messages = history.path("messages");
        assertThat(messages.findValuesAsText("seq")).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 10).mapToObj(Long::toString).toList());
        List<Long> actors = new ArrayList<>();
        for (int i = 1; i < messages.size(); i++) {
            JsonNode body = tree(messages.get(i).path("body").asText());
            assertThat(body.path("type").asText()).isEqualTo("member.joined");
            actors.add(body.path("actorId").asLong());
            assertThat(messages.get(i).path("senderId").asLong()).isEqualTo(body.path("actorId").asLong());
        }
        assertThat(actors).containsExactlyElementsOf(ids.subList(0, 9));
        ownerSocket.await(f -> f.path("type").asText().equals("message") && f.path("message").path("seq").asLong() == 10);
        assertThat(ownerSocket.frames().stream().filter(f -> f.path("type").asText().equals("message"))
                .map(f -> f.path("message").path("seq").asLong()).toList())
                .as("every join notice pushed live, in order").containsSubsequence(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);

        for (int i : new int[] {0, 4, 8}) {
            String token = people.get(i).path("token").asText();
            JsonNode page = http().get("/api/v1/conversations/" + room + "/messages?after=0", token).body();
            assertThat(page.path("firstSeq").asLong()).as("FROM_JOIN: from their own join notice").isEqualTo(i + 2);
            assertThat(http().get("/api/v1/conversations/" + room, token).body().path("myRole").asText())
                    .isEqualTo("MEMBER");
        }
        JsonNode listed = http().get("/api/v1/conversations", people.get(0).path("token").asText()).body()
                .path("conversations").get(0);
        assertThat(listed.path("readSeq").asLong()).as("read position just before their notice").isEqualTo(1);
        assertThat(listed.path("unread").asInt()).as("the later joins, not their own").isEqualTo(8);
    }

    @Test
    void aNewcomerConnectedDuringTheJoinHearsFromTheirOwnNoticeOn() {
        User owner = newUser("owner");
        String alias = "live-" + owner.id();
        ok(http().post("/api/v1/rooms", owner.token(), HttpJson.json("alias", alias, "title", "Live")), 201);
        JsonNode people = ok201(bulk(uniqueName("l") + "-", 3, "bench"));
        TestSocket last = connect(user(people.get(2)));
        TestSocket firstComer = connect(user(people.get(0)));
        ok(join(alias, List.of(people.get(0).path("id").asLong(), people.get(1).path("id").asLong(),
                people.get(2).path("id").asLong())), 200);
        firstComer.await(f -> f.path("type").asText().equals("message") && f.path("message").path("seq").asLong() == 4);
        last.await(f -> f.path("type").asText().equals("message") && f.path("message").path("seq").asLong() == 4);
        assertThat(seqs(firstComer)).containsExactly(2L, 3L, 4L);
        assertThat(seqs(last)).containsExactly(4L);
    }

    @Test
    void bulkJoinRefusesUnknownRoomsAndAccountsAndEmptyLists() {
        User owner = newUser("owner");
        String alias = "checks-" + owner.id();
        ok(http().post("/api/v1/rooms", owner.token(), HttpJson.json("alias", alias, "title", "Checks")), 201);
        assertThat(join("no-such-room-" + owner.id(), List.of(owner.id())).errorCode()).isEqualTo("room.not_found");
        var unknown = join(alias, List.of(owner.id(), Long.MAX_VALUE - 1));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("user.not_found");
        assertThat(unknown.body().path("error").path("message").asText()).contains(Long.toString(Long.MAX_VALUE - 1));
        assertThat(join(alias, List.of()).errorCode()).isEqualTo("request.invalid");
        assertThat(http().post("/api/v1/admin/bulk-join", ADMIN_TOKEN, "{\"room\":\"" + alias + "\",\"userIds\":[null]}")
                .errorCode()).isEqualTo("request.invalid");
        List<Long> tooMany = LongStream.range(1, MAX_BULK + 2).boxed().toList();
        var over = join(alias, tooMany);
        assertThat(over.errorCode()).isEqualTo("request.invalid");
        assertThat(over.body().path("error").path("message").asText()).contains("admin.max-bulk-accounts");
        long group = ok(http().post("/api/v1/groups", owner.token(), HttpJson.json("title", "Not a room")), 201)
                .path("id").asLong();
        assertThat(join(String.valueOf(group), List.of(owner.id())).errorCode()).isEqualTo("room.not_found");
    }

    private HttpJson.Response bulk(String prefix, int count, String deviceName) {
        return http().post("/api/v1/admin/bulk-accounts", ADMIN_TOKEN, bulkBody(prefix, count, deviceName));
    }

    private static String bulkBody(String prefix, int count) {
        return bulkBody(prefix, count, "bench");
    }

    private static String bulkBody(String prefix, int count, String deviceName) {
        return HttpJson.json("prefix", prefix, "count", count, "password", PASSWORD, "deviceName", deviceName);
    }

    private HttpJson.Response join(String room, List<Long> userIds) {
        return http().post("/api/v1/admin/bulk-join", ADMIN_TOKEN, HttpJson.json("room", room, "userIds", userIds));
    }

    private User register(String username, String password) {
        JsonNode login = http().registerAndLogin(username, password, "own-device");
        return new User(username, login.path("account").path("id").asLong(), login.path("token").asText(), password);
    }

    private static User user(JsonNode provisioned) {
        return new User(provisioned.path("username").asText(), provisioned.path("id").asLong(),
                provisioned.path("token").asText(), PASSWORD);
    }

    private static JsonNode ok201(HttpJson.Response response) {
        return ok(response, 201).path("accounts");
    }

    private static JsonNode ok(HttpJson.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        return response.body();
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asLong()));
        return out;
    }

    private static List<Long> seqs(TestSocket socket) {
        return socket.frames().stream().filter(f -> f.path("type").asText().equals("message"))
                .map(f -> f.path("message").path("seq").asLong()).toList();
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
