package dev.confab.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.confab.client.ScriptedHttpServer.Seen;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.WireJson;
import dev.confab.protocol.model.ConversationDetailsView;
import dev.confab.protocol.model.MemberList;
import dev.confab.protocol.model.MemberView;
import dev.confab.protocol.model.RoomList;
import dev.confab.protocol.model.UserView;
import dev.confab.protocol.request.ConversationUpdateRequest;
import dev.confab.protocol.request.CreateGroupRequest;
import dev.confab.protocol.request.CreateRoomRequest;
import dev.confab.protocol.request.InviteRequest;
import dev.confab.protocol.request.MemberRoleRequest;
import dev.confab.protocol.request.TransferRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Groups, rooms, conversation settings and membership over HTTP. */
class GroupCallsTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final UserView ADA = new UserView(1, "ada", "Ada", null);
    private static final UserView BOB = new UserView(2, "bob", "Bob", null);
    private static final ConversationDetailsView GROUP = new ConversationDetailsView(7, "GROUP", null, "Book club",
            "Monthly", null, null, "ADMINS", "FROM_JOIN", 0, 200, 0, 0, 2, 1, 1, NOW, null, "OWNER");
    private static final ConversationDetailsView ROOM = new ConversationDetailsView(9, "ROOM", "rust.lang", "Rust",
            null, null, "Borrowing", "ADMINS", "ALL", 0, 1000, 0, 0, 1, 1, 1, NOW, null, "OWNER");

    private final WireJson json = new WireJson();
    private ScriptedHttpServer http;
    private GroupCalls groups;

    @BeforeEach
    void startServer() throws IOException {
        http = new ScriptedHttpServer();
        groups = new ConfabHttpClient(http.baseUri(), "tok").groups();
    }

    @AfterEach
    void stopServer() {
        http.close();
    }

    @Test
    void createsAGroupAndDecodesItsDetails() {
        http.reply(201, json.encode(GROUP));
        CreateGroupRequest request = new CreateGroupRequest("Book club", "Monthly", null, List.of(2L, 3L),
                null, "FROM_JOIN", null);

        assertThat(groups.createGroup(request)).isEqualTo(GROUP);

        Seen seen = http.next();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.pathAndQuery()).isEqualTo("/api/v1/groups");
        assertThat(seen.authorization()).isEqualTo("Bearer tok");
        assertThat(seen.contentType()).isEqualTo("application/json");
        assertThat(json.decode(seen.body(), CreateGroupRequest.class)).isEqualTo(request);
    }

    @Test
    void createsFindsAndJoinsRooms() {
        ConversationDetailsView listed = new ConversationDetailsView(9, "ROOM", "rust.lang", "Rust", null, null,
                "Borrowing", "ADMINS", "ALL", 0, 1000, 0, 0, 1, 1, 1, NOW, null, null);
        http.reply(201, json.encode(ROOM));
        http.reply(200, json.encode(new RoomList(List.of(listed))));
        http.reply(200, json.encode(new RoomList(List.of())));
        http.reply(200, json.encode(ROOM));
        CreateRoomRequest request = new CreateRoomRequest("rust.lang", "Rust", "Borrowing", null, null, null, null, null);

        assertThat(groups.createRoom(request)).isEqualTo(ROOM);
        assertThat(groups.rooms("rust & go", 20).rooms()).containsExactly(listed);
        assertThat(groups.rooms(null, 5).rooms()).isEmpty();
        assertThat(groups.joinRoom("a/b c").myRole()).isEqualTo("OWNER");

        Seen created = http.next();
        assertThat(created).extracting(Seen::method, Seen::pathAndQuery).containsExactly("POST", "/api/v1/rooms");
        assertThat(json.decode(created.body(), CreateRoomRequest.class)).isEqualTo(request);
        assertThat(List.of(http.next(), http.next()))
                .extracting(Seen::method, Seen::pathAndQuery)
                .containsExactly(
                        tuple("GET", "/api/v1/rooms?q=rust%20%26%20go&limit=20"),
                        tuple("GET", "/api/v1/rooms?limit=5"));
        Seen joined = http.next();
        assertThat(joined).extracting(Seen::method, Seen::pathAndQuery)
                .containsExactly("POST", "/api/v1/rooms/a%2Fb%20c/join");
        assertThat(joined.body()).isEmpty();
    }

    @Test
    void readsAndUpdatesAConversation() {
        ConversationDetailsView renamed = new ConversationDetailsView(7, "GROUP", null, "Readers", "", null, null,
                "MEMBERS", "FROM_JOIN", 0, 200, 0, 0, 2, 2, 1, NOW, null, "OWNER");
        http.reply(200, json.encode(GROUP));
        http.reply(200, json.encode(renamed));
        ConversationUpdateRequest change = new ConversationUpdateRequest("Readers", "", null, null, "MEMBERS",
                null, null, null, null, null);

        assertThat(groups.conversation(7)).isEqualTo(GROUP);
        assertThat(groups.updateConversation(7, change)).isEqualTo(renamed);

        assertThat(http.next()).extracting(Seen::method, Seen::pathAndQuery).containsExactly("GET", "/api/v1/conversations/7");
        Seen patch = http.next();
        assertThat(patch).extracting(Seen::method, Seen::pathAndQuery).containsExactly("PATCH", "/api/v1/conversations/7");
        assertThat(json.decode(patch.body(), ConversationUpdateRequest.class)).isEqualTo(change);
    }

    @Test
    void listsInvitesAndManagesMembers() {
        MemberList members = new MemberList(List.of(new MemberView(ADA, "OWNER", NOW), new MemberView(BOB, "MEMBER", NOW)));
        http.reply(200, json.encode(members));
        for (int i = 0; i < 4; i++) {
            http.reply(204, null);
        }

        assertThat(groups.members(7)).isEqualTo(members);
        groups.invite(7, List.of(3L, 4L));
        groups.setRole(7, 2, "ADMIN");
        groups.transferOwnership(7, 2);
        groups.removeMember(7, 3);

        assertThat(http.next()).extracting(Seen::method, Seen::pathAndQuery)
                .containsExactly("GET", "/api/v1/conversations/7/members");
        Seen invite = http.next();
        assertThat(invite).extracting(Seen::method, Seen::pathAndQuery)
                .containsExactly("POST", "/api/v1/conversations/7/members");
        assertThat(json.decode(invite.body(), InviteRequest.class)).isEqualTo(new InviteRequest(List.of(3L, 4L)));
        Seen role = http.next();
        assertThat(role).extracting(Seen::method, Seen::pathAndQuery)
                .containsExactly("PUT", "/api/v1/conversations/7/members/2/role");
        assertThat(json.decode(role.body(), MemberRoleRequest.class)).isEqualTo(new MemberRoleRequest("ADMIN"));
        Seen transfer = http.next();
        assertThat(transfer).extracting(Seen::method, Seen::pathAndQuery)
                .containsExactly("POST", "/api/v1/conversations/7/transfer");
        assertThat(json.decode(transfer.body(), TransferRequest.class)).isEqualTo(new TransferRequest(2L));
        assertThat(http.next()).extracting(Seen::method, Seen::pathAndQuery)
                .containsExactly("DELETE", "/api/v1/conversations/7/members/3");
    }

    @Test
    void leavesAndDisbands() {
        http.reply(204, null);
        http.reply(204, null);

        groups.leave(7);
        groups.disband(9);

        assertThat(List.of(http.next(), http.next()))
                .extracting(Seen::method, Seen::pathAndQuery)
                .containsExactly(
                        tuple("POST", "/api/v1/conversations/7/leave"),
                        tuple("POST", "/api/v1/conversations/9/disband"));
    }

    @Test
    void actsForTheSessionOfItsClient() {
        http.reply(204, null);

        new ConfabHttpClient(http.baseUri(), "tok").withToken("other").groups().leave(7);

        assertThat(http.next().authorization()).isEqualTo("Bearer other");
    }

    @Test
    void groupErrorsCarryTheirCode() {
        http.reply(409, "{\"error\":{\"code\":\"conversation.owner_must_transfer\","
                + "\"message\":\"The owner must transfer ownership (or disband) before leaving.\"}}");
        http.reply(404, "{\"error\":{\"code\":\"room.not_found\",\"message\":\"There is no room with that id or alias.\"}}");

        assertThatThrownBy(() -> groups.leave(7))
                .isInstanceOfSatisfying(ConfabApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.CONVERSATION_OWNER_MUST_TRANSFER);
                });
        assertThatThrownBy(() -> groups.joinRoom("nowhere"))
                .isInstanceOfSatisfying(ConfabApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.ROOM_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("There is no room with that id or alias.");
                });
    }
}
