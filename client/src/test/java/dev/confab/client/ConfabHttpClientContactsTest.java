package dev.confab.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.confab.client.ScriptedHttpServer.Seen;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.WireJson;
import dev.confab.protocol.model.AccountView;
import dev.confab.protocol.model.BlockList;
import dev.confab.protocol.model.BlockView;
import dev.confab.protocol.model.EventPage;
import dev.confab.protocol.model.FriendList;
import dev.confab.protocol.model.FriendRequestList;
import dev.confab.protocol.model.FriendRequestView;
import dev.confab.protocol.model.FriendView;
import dev.confab.protocol.model.UserList;
import dev.confab.protocol.model.UserView;
import dev.confab.protocol.request.FriendRequestRequest;
import dev.confab.protocol.request.ProfileUpdateRequest;
import dev.confab.protocol.request.RemarkRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Profile, user search, friends, friend requests, blocks and the event log over HTTP. */
class ConfabHttpClientContactsTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final UserView ADA = new UserView(1, "ada", "Ada", null);
    private static final UserView BOB = new UserView(2, "bob", "Bob", "https://example.org/bob.png");

    private final WireJson json = new WireJson();
    private ScriptedHttpServer http;
    private ConfabHttpClient client;

    @BeforeEach
    void startServer() throws IOException {
        http = new ScriptedHttpServer();
        client = new ConfabHttpClient(http.baseUri(), "tok");
    }

    @AfterEach
    void stopServer() {
        http.close();
    }

    private static FriendRequestView request(long id, String status) {
        return new FriendRequestView(id, ADA, BOB, "hi", status, NOW, NOW, NOW.plusSeconds(86400));
    }

    @Test
    void updatesTheProfileWithPatch() {
        AccountView updated = new AccountView(1, "ada", "Ada L.", "av-1", null, "+15551234", false, true, NOW);
        http.reply(200, json.encode(updated));
        ProfileUpdateRequest change = new ProfileUpdateRequest("Ada L.", "av-1", null, null, null, true);

        assertThat(client.updateProfile(change)).isEqualTo(updated);

        Seen seen = http.next();
        assertThat(seen.method()).isEqualTo("PATCH");
        assertThat(seen.pathAndQuery()).isEqualTo("/api/v1/me");
        assertThat(seen.authorization()).isEqualTo("Bearer tok");
        assertThat(json.decode(seen.body(), ProfileUpdateRequest.class)).isEqualTo(change);
    }

    @Test
    void searchesUsersAndLooksThemUpById() {
        http.reply(200, json.encode(new UserList(List.of(BOB))));
        http.reply(200, json.encode(new UserList(List.of(ADA, BOB))));

        assertThat(client.searchUsers("+1 555 bob@example.org").users()).containsExactly(BOB);
        assertThat(client.users(List.of(1L, 2L, 3L)).users()).containsExactly(ADA, BOB);

        assertThat(http.next().pathAndQuery()).isEqualTo("/api/v1/users/search?q=%2B1%20555%20bob%40example.org");
        assertThat(http.next().pathAndQuery()).isEqualTo("/api/v1/users?ids=1%2C2%2C3");
    }

    @Test
    void sendsFriendRequestsByUsernameOrId() {
        http.reply(201, json.encode(request(7, "PENDING")));
        http.reply(201, json.encode(request(8, "ACCEPTED")));

        assertThat(client.sendFriendRequest("bob", "hi").status()).isEqualTo("PENDING");
        assertThat(client.sendFriendRequest(2L, null).status()).isEqualTo("ACCEPTED");

        Seen byName = http.next();
        assertThat(byName.method()).isEqualTo("POST");
        assertThat(byName.pathAndQuery()).isEqualTo("/api/v1/friend-requests");
        assertThat(json.decode(byName.body(), FriendRequestRequest.class))
                .isEqualTo(new FriendRequestRequest("bob", null, "hi"));
        assertThat(json.decode(http.next().body(), FriendRequestRequest.class))
                .isEqualTo(new FriendRequestRequest(null, 2L, null));
    }

    @Test
    void listsAndAnswersFriendRequests() {
        http.reply(200, json.encode(new FriendRequestList(List.of(request(7, "PENDING")))));
        http.reply(200, json.encode(new FriendRequestList(List.of())));
        http.reply(200, json.encode(request(7, "ACCEPTED")));
        http.reply(200, json.encode(request(8, "DECLINED")));
        http.reply(200, json.encode(request(9, "CANCELLED")));

        assertThat(client.incomingFriendRequests().requests()).extracting(FriendRequestView::id).containsExactly(7L);
        assertThat(client.outgoingFriendRequests().requests()).isEmpty();
        assertThat(client.acceptFriendRequest(7).status()).isEqualTo("ACCEPTED");
        assertThat(client.declineFriendRequest(8).status()).isEqualTo("DECLINED");
        assertThat(client.cancelFriendRequest(9).status()).isEqualTo("CANCELLED");

        assertThat(List.of(http.next(), http.next(), http.next(), http.next(), http.next()))
                .extracting(Seen::method, Seen::pathAndQuery)
                .containsExactly(
                        tuple("GET", "/api/v1/friend-requests?direction=incoming"),
                        tuple("GET", "/api/v1/friend-requests?direction=outgoing"),
                        tuple("POST", "/api/v1/friend-requests/7/accept"),
                        tuple("POST", "/api/v1/friend-requests/8/decline"),
                        tuple("POST", "/api/v1/friend-requests/9/cancel"));
    }

    @Test
    void managesFriendsAndBlocks() {
        http.reply(200, json.encode(new FriendList(List.of(new FriendView(BOB, "Bobby", NOW)))));
        http.reply(204, null);
        http.reply(204, null);
        http.reply(200, json.encode(new BlockList(List.of(new BlockView(BOB, NOW)))));
        http.reply(204, null);
        http.reply(204, null);

        assertThat(client.friends().friends()).extracting(FriendView::remark).containsExactly("Bobby");
        client.setRemark(2, "Bob B.");
        client.removeFriend(2);
        assertThat(client.blocks().blocked()).extracting(BlockView::user).containsExactly(BOB);
        client.block(2);
        client.unblock(2);

        assertThat(http.next().pathAndQuery()).isEqualTo("/api/v1/friends");
        Seen remark = http.next();
        assertThat(remark.method()).isEqualTo("PUT");
        assertThat(remark.pathAndQuery()).isEqualTo("/api/v1/friends/2/remark");
        assertThat(json.decode(remark.body(), RemarkRequest.class)).isEqualTo(new RemarkRequest("Bob B."));
        assertThat(http.next()).extracting(Seen::method, Seen::pathAndQuery).containsExactly("DELETE", "/api/v1/friends/2");
        assertThat(http.next().pathAndQuery()).isEqualTo("/api/v1/blocks");
        assertThat(http.next()).extracting(Seen::method, Seen::pathAndQuery).containsExactly("PUT", "/api/v1/blocks/2");
        assertThat(http.next()).extracting(Seen::method, Seen::pathAndQuery).containsExactly("DELETE", "/api/v1/blocks/2");
    }

    @Test
    void readsTheEventLogAfterASeq() {
        EventPage page = TestEvents.page(4, 5, true);
        http.reply(200, json.encode(page));

        assertThat(client.events(3, 2)).isEqualTo(page);

        assertThat(http.next().pathAndQuery()).isEqualTo("/api/v1/events?after=3&limit=2");
    }

    @Test
    void contactErrorsCarryTheirCode() {
        http.reply(409, "{\"error\":{\"code\":\"contact.already_friends\",\"message\":\"You are already friends.\"}}");

        assertThatThrownBy(() -> client.sendFriendRequest("bob", null))
                .isInstanceOfSatisfying(ConfabApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.CONTACT_ALREADY_FRIENDS);
                });
    }
}
