package dev.confab.server.api.http;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.model.BlockList;
import dev.confab.protocol.model.FriendList;
import dev.confab.protocol.model.FriendRequestList;
import dev.confab.protocol.request.FriendRequestRequest;
import dev.confab.protocol.request.RemarkRequest;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.api.ContactViews;
import dev.confab.server.contacts.FriendRequest;
import dev.confab.server.contacts.FriendRequestId;
import dev.confab.server.contacts.FriendRequestService;
import dev.confab.server.contacts.FriendService;
import dev.confab.server.contacts.PeopleDirectory;
import dev.confab.server.errors.ConfabException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/** Friend requests, friends (remove, remark) and blocks. */
final class ContactRoutes {
    private ContactRoutes() {
    }

    static void mount(Router router, RouteSupport routes, FriendRequestService requests, FriendService friends,
                      PeopleDirectory people, Clock clock) {
        router.post("/api/v1/friend-requests").handler(routes.authed(201, (who, ctx) -> {
            FriendRequestRequest r = routes.body(ctx, FriendRequestRequest.class);
            return ContactViews.request(requests.send(who, r.to(), r.toUserId(), r.message()), clock.instant());
        }));
        router.get("/api/v1/friend-requests").handler(routes.authed(200, (who, ctx) -> {
            String direction = ctx.request().getParam("direction", "incoming");
            List<FriendRequest> list = switch (direction) {
                case "incoming" -> friends.incoming(who);
                case "outgoing" -> friends.outgoing(who);
                default -> throw new ConfabException(ErrorCode.REQUEST_INVALID, "'direction' is incoming or outgoing.");
            };
            var profiles = people.profileMap(list.stream().flatMap(q -> Stream.of(q.from(), q.to())).toList());
            return new FriendRequestList(list.stream().map(q -> ContactViews.request(q, profiles, clock.instant())).toList());
        }));
        answer(router, routes, "accept", requests::accept, clock);
        answer(router, routes, "decline", requests::decline, clock);
        answer(router, routes, "cancel", requests::cancel, clock);
        router.get("/api/v1/friends").handler(routes.authed(200, (who, ctx) -> {
            var list = friends.friends(who);
            var profiles = people.profileMap(list.stream().map(f -> f.account()).toList());
            return new FriendList(list.stream().map(f -> ContactViews.friend(f, profiles)).toList());
        }));
        router.delete("/api/v1/friends/:userId").handler(routes.authed(204, (who, ctx) -> {
            friends.remove(who, userId(ctx));
            return null;
        }));
        router.put("/api/v1/friends/:userId/remark").handler(routes.authed(204, (who, ctx) -> {
            friends.setRemark(who, userId(ctx), routes.body(ctx, RemarkRequest.class).remark());
            return null;
        }));
        router.get("/api/v1/blocks").handler(routes.authed(200, (who, ctx) -> {
            var list = friends.blocked(who);
            var profiles = people.profileMap(list.stream().map(b -> b.account()).toList());
            return new BlockList(list.stream().map(b -> ContactViews.block(b, profiles)).toList());
        }));
        router.put("/api/v1/blocks/:userId").handler(routes.authed(204, (who, ctx) -> {
            friends.block(who, userId(ctx));
            return null;
        }));
        router.delete("/api/v1/blocks/:userId").handler(routes.authed(204, (who, ctx) -> {
            friends.unblock(who, userId(ctx));
            return null;
        }));
    }

    private static void answer(Router router, RouteSupport routes, String action,
                               BiFunction<AuthenticatedSession, FriendRequestId, dev.confab.server.contacts.FriendRequestDetails> act,
                               Clock clock) {
        router.post("/api/v1/friend-requests/:id/" + action).handler(routes.authed(200, (who, ctx) -> {
            Long id = ConversationRoutes.longParam(ctx, "id");
            if (id == null) {
                throw new ConfabException(ErrorCode.CONTACT_REQUEST_NOT_FOUND);
            }
            return ContactViews.request(act.apply(who, new FriendRequestId(id)), clock.instant());
        }));
    }

    private static AccountId userId(RoutingContext ctx) {
        Long id = ConversationRoutes.longParam(ctx, "userId");
        if (id == null) {
            throw new ConfabException(ErrorCode.USER_NOT_FOUND);
        }
        return new AccountId(id);
    }
}
