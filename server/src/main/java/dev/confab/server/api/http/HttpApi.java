package dev.confab.server.api.http;

import dev.confab.protocol.WireJson;
import dev.confab.server.accounts.AccountService;
import dev.confab.server.accounts.AccountStore;
import dev.confab.server.accounts.AdminToken;
import dev.confab.server.accounts.BulkProvisioning;
import dev.confab.server.accounts.TicketService;
import dev.confab.server.api.BlockingCalls;
import dev.confab.server.api.EventData;
import dev.confab.server.cluster.NodeDirectory;
import dev.confab.server.contacts.FriendRequestService;
import dev.confab.server.contacts.FriendService;
import dev.confab.server.contacts.PeopleDirectory;
import dev.confab.server.contacts.ProfileService;
import dev.confab.server.conversations.BulkRoomJoins;
import dev.confab.server.conversations.ConversationService;
import dev.confab.server.conversations.ConversationSettingsEdit;
import dev.confab.server.conversations.GroupService;
import dev.confab.server.conversations.MembershipService;
import dev.confab.server.conversations.ReceiptService;
import dev.confab.server.conversations.TypingService;
import dev.confab.server.conversations.RoomService;
import dev.confab.server.events.EventService;
import dev.confab.server.messages.MessageService;
import dev.confab.server.presence.PresenceService;
import dev.confab.server.transport.ws.OriginPolicy;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.function.BooleanSupplier;

/** Builds the HTTP router: every route is a thin edge over the same services the WebSocket uses. */
public final class HttpApi {
    private HttpApi() {
    }

    /** Everything the routes call. */
    public record Services(AccountService accounts, TicketService tickets, AccountStore accountStore,
                           ConversationService conversations, MessageService messages, PresenceService presence,
                           ProfileService profiles, FriendRequestService friendRequests, FriendService friends,
                           PeopleDirectory people, EventService events, EventData eventData,
                           GroupService groups, RoomService rooms, MembershipService memberships,
                           ConversationSettingsEdit edits, ReceiptService receipts, TypingService typing,
                           NodeDirectory nodes, Admin admin) {
    }

    /** The admin API: its token (when it is not set, the admin routes do not exist) and what it calls. */
    public record Admin(AdminToken token, BulkProvisioning provisioning, BulkRoomJoins roomJoins) {
    }

    /**
     * How browsers are served: which origins may act with the session cookie, and whether the server is
     * reached over HTTPS (its public URL), so that cookies are {@code Secure} and HSTS is sent.
     */
    public record Browsers(OriginPolicy origins, boolean https) {
    }

    public static Router router(Vertx vertx, Services services, BlockingCalls blocking, WireJson json,
                                long maxBodyBytes, int maxPresenceQuery, BooleanSupplier ready, java.time.Clock clock,
                                Browsers browsers) {
        Router router = Router.router(vertx);
        HttpErrors errors = new HttpErrors(json);
        RouteSupport routes = new RouteSupport(blocking, services.accounts(), json, browsers.origins(), browsers.https());
        router.route().handler(new SecurityHeaders(browsers.https()));
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
        AccountRoutes.mount(router, routes, services.accounts(), services.tickets(), services.profiles(), services.nodes());
        ClusterRoutes.mount(router, routes, services.nodes());
        ContactRoutes.mount(router, routes, services.friendRequests(), services.friends(), services.people(), clock);
        EventRoutes.mount(router, routes, services.events(), services.eventData());
        GroupRoutes.mount(router, routes, new GroupRoutes.Services(services.groups(), services.rooms(),
                services.memberships(), services.edits(), services.people()));
        ConversationRoutes.mount(router, routes, services.conversations(), services.messages(), services.receipts(),
                services.typing());
        PeopleRoutes.mount(router, routes, services.accountStore(), services.presence(), services.people(),
                maxPresenceQuery);
        OpsRoutes.mount(router, blocking, ready);
        AdminRoutes.mount(router, routes, services.admin());
        WebClientRoutes.mount(router);
        router.route().failureHandler(errors);
        router.errorHandler(404, errors);
        router.errorHandler(405, errors);
        router.errorHandler(413, errors);
        router.errorHandler(500, errors);
        return router;
    }
}
