package dev.confab.client;

import dev.confab.protocol.model.ConversationDetailsView;
import dev.confab.protocol.model.MemberList;
import dev.confab.protocol.model.RoomList;
import dev.confab.protocol.request.ConversationUpdateRequest;
import dev.confab.protocol.request.CreateGroupRequest;
import dev.confab.protocol.request.CreateRoomRequest;
import dev.confab.protocol.request.InviteRequest;
import dev.confab.protocol.request.MemberRoleRequest;
import dev.confab.protocol.request.TransferRequest;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The group and room calls of a {@link ConfabHttpClient}, acting for the same session: creating groups
 * and rooms, the room directory, a conversation's details and settings, and its members and their roles.
 * Obtained from {@link ConfabHttpClient#groups()}; immutable and thread-safe.
 *
 * <p>Calls fail as the client's other calls do: {@link ConfabApiException} for an error answer
 * (for example {@code conversation.forbidden} when the caller's role does not allow the change, or
 * {@code room.not_found}), {@link ConfabConnectionException} when the server cannot be reached.
 */
public final class GroupCalls {
    private final ApiTransport transport;

    GroupCalls(ApiTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * {@code POST /groups}: creates a group owned by the caller, with the given friends as its first
     * members, and returns it.
     */
    public ConversationDetailsView createGroup(CreateGroupRequest request) {
        Objects.requireNonNull(request, "request");
        return transport.call("POST", "/groups", request, ConversationDetailsView.class);
    }

    /** {@code POST /rooms}: creates a public room owned by the caller under a unique alias, and returns it. */
    public ConversationDetailsView createRoom(CreateRoomRequest request) {
        Objects.requireNonNull(request, "request");
        return transport.call("POST", "/rooms", request, ConversationDetailsView.class);
    }

    /**
     * {@code GET /rooms}: public rooms whose alias or title starts with {@code prefix} (all rooms when
     * null or empty), by alias, at most {@code limit} (the server caps it). The rooms' {@code myRole} is null.
     */
    public RoomList rooms(String prefix, int limit) {
        String query = prefix == null || prefix.isEmpty() ? "" : "q=" + ServerAddress.encode(prefix) + "&";
        return transport.call("GET", "/rooms?" + query + "limit=" + limit, null, RoomList.class);
    }

    /**
     * {@code POST /rooms/{idOrAlias}/join}: joins a room by its id or alias and returns it. Joining a room
     * the caller is already in changes nothing.
     */
    public ConversationDetailsView joinRoom(String idOrAlias) {
        Objects.requireNonNull(idOrAlias, "idOrAlias");
        return transport.call("POST", "/rooms/" + ServerAddress.encode(idOrAlias) + "/join", null,
                ConversationDetailsView.class);
    }

    /** {@code GET /conversations/{id}}: a group's or room's details and settings, with the caller's role. */
    public ConversationDetailsView conversation(long conversationId) {
        return transport.call("GET", conversationPath(conversationId), null, ConversationDetailsView.class);
    }

    /**
     * {@code PATCH /conversations/{id}}: changes a group's or room's settings and returns it as it is now.
     * Null fields stay as they are; an empty string clears description, avatar or topic.
     */
    public ConversationDetailsView updateConversation(long conversationId, ConversationUpdateRequest request) {
        Objects.requireNonNull(request, "request");
        return transport.call("PATCH", conversationPath(conversationId), request, ConversationDetailsView.class);
    }

    /** {@code GET /conversations/{id}/members}: the owner first, then admins, then members by joining time. */
    public MemberList members(long conversationId) {
        return transport.call("GET", conversationPath(conversationId) + "/members", null, MemberList.class);
    }

    /** {@code POST /conversations/{id}/members}: adds the given friends of the caller to a group. */
    public void invite(long conversationId, Collection<Long> userIds) {
        InviteRequest request = new InviteRequest(List.copyOf(userIds));
        transport.call("POST", conversationPath(conversationId) + "/members", request, Void.class);
    }

    /** {@code DELETE /conversations/{id}/members/{userId}}: removes a member from a group or room. */
    public void removeMember(long conversationId, long userId) {
        transport.call("DELETE", memberPath(conversationId, userId), null, Void.class);
    }

    /** {@code PUT /conversations/{id}/members/{userId}/role}: makes a member an {@code ADMIN} or a {@code MEMBER}. */
    public void setRole(long conversationId, long userId, String role) {
        Objects.requireNonNull(role, "role");
        transport.call("PUT", memberPath(conversationId, userId) + "/role", new MemberRoleRequest(role), Void.class);
    }

    /** {@code POST /conversations/{id}/transfer}: makes another member the owner; the caller stays as an admin. */
    public void transferOwnership(long conversationId, long newOwnerId) {
        transport.call("POST", conversationPath(conversationId) + "/transfer", new TransferRequest(newOwnerId),
                Void.class);
    }

    /**
     * {@code POST /conversations/{id}/leave}: the caller leaves a group or room. An owner must transfer
     * ownership (or disband) first.
     */
    public void leave(long conversationId) {
        transport.call("POST", conversationPath(conversationId) + "/leave", null, Void.class);
    }

    /** {@code POST /conversations/{id}/disband}: the owner ends a group or room; its history becomes read-only. */
    public void disband(long conversationId) {
        transport.call("POST", conversationPath(conversationId) + "/disband", null, Void.class);
    }

    private static String conversationPath(long conversationId) {
        return "/conversations/" + conversationId;
    }

    private static String memberPath(long conversationId, long userId) {
        return conversationPath(conversationId) + "/members/" + userId;
    }
}
