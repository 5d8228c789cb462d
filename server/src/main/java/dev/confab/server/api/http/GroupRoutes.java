package dev.confab.server.api.http;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.model.MemberList;
import dev.confab.protocol.model.RoomList;
import dev.confab.protocol.request.ConversationUpdateRequest;
import dev.confab.protocol.request.CreateGroupRequest;
import dev.confab.protocol.request.CreateRoomRequest;
import dev.confab.protocol.request.InviteRequest;
import dev.confab.protocol.request.MemberRoleRequest;
import dev.confab.protocol.request.TransferRequest;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.api.GroupViews;
import dev.confab.server.contacts.PeopleDirectory;
import dev.confab.server.conversations.ConversationSettingsEdit;
import dev.confab.server.conversations.GroupService;
import dev.confab.server.conversations.MemberRole;
import dev.confab.server.conversations.MembershipService;
import dev.confab.server.conversations.RoomService;
import dev.confab.server.errors.ConfabException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Groups, rooms and what members do in them. */
final class GroupRoutes {
    private GroupRoutes() {
    }

    /** The services these routes call. */
    record Services(GroupService groups, RoomService rooms, MembershipService memberships,
                    ConversationSettingsEdit edits, PeopleDirectory people) {
    }

    static void mount(Router router, RouteSupport routes, Services s) {
        router.post("/api/v1/groups").handler(routes.authed(201, (who, ctx) -> {
            CreateGroupRequest r = routes.body(ctx, CreateGroupRequest.class);
            var draft = new GroupService.Draft(r.title(), r.description(), r.avatar(), ids(r.memberIds()),
                    r.invitePolicy(), r.history(), r.historyLastN());
            return GroupViews.details(s.groups().create(who, draft), MemberRole.OWNER);
        }));
        router.post("/api/v1/rooms").handler(routes.authed(201, (who, ctx) -> {
            CreateRoomRequest r = routes.body(ctx, CreateRoomRequest.class);
            var draft = new RoomService.Draft(r.alias(), r.title(), r.topic(), r.capacity(), r.history(), r.historyLastN(),
                    r.retentionMaxMessages(), r.retentionMaxDays());
            return GroupViews.details(s.rooms().create(who, draft), MemberRole.OWNER);
        }));
        router.get("/api/v1/rooms").handler(routes.authed(200, (who, ctx) -> new RoomList(s.rooms()
                .directory(ctx.request().getParam("q"), ConversationRoutes.intParam(ctx, "limit")).stream()
                .map(d -> GroupViews.details(d, null)).toList())));
        router.post("/api/v1/rooms/:room/join").handler(routes.authed(200, (who, ctx) -> {
            var room = s.rooms().join(who, ctx.pathParam("room"));
            return GroupViews.details(room, s.memberships().myMembership(who, room.id()).role());
        }));
        router.get("/api/v1/conversations/:id").handler(routes.authed(200, (who, ctx) -> {
            var id = ConversationRoutes.conversationId(ctx);
            return GroupViews.details(s.memberships().details(who, id), s.memberships().myMembership(who, id).role());
        }));
        router.patch("/api/v1/conversations/:id").handler(routes.authed(200, (who, ctx) -> {
            var id = ConversationRoutes.conversationId(ctx);
            ConversationUpdateRequest r = routes.body(ctx, ConversationUpdateRequest.class);
            var updated = s.edits().apply(who, id, new ConversationSettingsEdit.Change(r.title(), r.description(),
                    r.avatar(), r.topic(), r.invitePolicy(), r.history(), r.historyLastN(), r.capacity(),
                    r.retentionMaxMessages(), r.retentionMaxDays()));
            return GroupViews.details(updated, s.memberships().myMembership(who, id).role());
        }));
        router.get("/api/v1/conversations/:id/members").handler(routes.authed(200, (who, ctx) -> {
            var members = s.memberships().members(who, ConversationRoutes.conversationId(ctx));
            var people = s.people().profileMap(members.stream().map(m -> m.account()).toList());
            return new MemberList(members.stream().map(m -> GroupViews.member(m, people)).toList());
        }));
        router.post("/api/v1/conversations/:id/members").handler(routes.authed(204, (who, ctx) -> {
            s.groups().invite(who, ConversationRoutes.conversationId(ctx), ids(routes.body(ctx, InviteRequest.class).userIds()));
            return null;
        }));
        router.delete("/api/v1/conversations/:id/members/:userId").handler(routes.authed(204, (who, ctx) -> {
            s.memberships().remove(who, ConversationRoutes.conversationId(ctx), userId(ctx));
            return null;
        }));
        router.put("/api/v1/conversations/:id/members/:userId/role").handler(routes.authed(204, (who, ctx) -> {
            s.memberships().setRole(who, ConversationRoutes.conversationId(ctx), userId(ctx),
                    routes.body(ctx, MemberRoleRequest.class).role());
            return null;
        }));
        router.post("/api/v1/conversations/:id/transfer").handler(routes.authed(204, (who, ctx) -> {
            Long target = routes.body(ctx, TransferRequest.class).userId();
            if (target == null) {
                throw new ConfabException(ErrorCode.REQUEST_INVALID, "'userId' is required.");
            }
            s.memberships().transfer(who, ConversationRoutes.conversationId(ctx), new AccountId(target));
            return null;
        }));
        router.post("/api/v1/conversations/:id/leave").handler(routes.authed(204, (who, ctx) -> {
            s.memberships().leave(who, ConversationRoutes.conversationId(ctx));
            return null;
        }));
        router.post("/api/v1/conversations/:id/disband").handler(routes.authed(204, (who, ctx) -> {
            s.memberships().disband(who, ConversationRoutes.conversationId(ctx));
            return null;
        }));
    }

    private static List<AccountId> ids(List<Long> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.contains(null)) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "User ids must be numbers.");
        }
        return raw.stream().map(AccountId::new).toList();
    }

    private static AccountId userId(RoutingContext ctx) {
        Long id = ConversationRoutes.longParam(ctx, "userId");
        if (id == null) {
            throw new ConfabException(ErrorCode.CONVERSATION_NOT_MEMBER);
        }
        return new AccountId(id);
    }
}
