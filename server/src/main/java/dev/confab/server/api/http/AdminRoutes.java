package dev.confab.server.api.http;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.model.BulkAccountsResponse;
import dev.confab.protocol.model.BulkJoinResponse;
import dev.confab.protocol.model.ProvisionedAccount;
import dev.confab.protocol.request.BulkAccountsRequest;
import dev.confab.protocol.request.BulkJoinRequest;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.BulkRoomJoins;
import dev.confab.server.errors.ConfabException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;

/**
 * The admin API, for provisioning (load tests, seeding): accounts with sessions, and room members, many
 * at a time. Its routes exist only when {@code admin.token} is set; otherwise every admin path is an
 * unknown route (404 {@code not_found}). A request without the admin token as its bearer token gets 401
 * {@code auth.unauthenticated}, before its body is parsed. The token is never logged.
 */
final class AdminRoutes {
    private AdminRoutes() {
    }

    static void mount(Router router, RouteSupport routes, HttpApi.Admin admin) {
        if (admin == null || !admin.token().enabled()) {
            return;
        }
        router.post("/api/v1/admin/bulk-accounts").handler(authorised(routes, admin, 201, ctx -> {
            BulkAccountsRequest r = routes.body(ctx, BulkAccountsRequest.class);
            List<ProvisionedAccount> accounts = admin.provisioning()
                    .provision(r.prefix(), r.count(), r.password(), r.deviceName()).stream()
                    .map(a -> new ProvisionedAccount(a.id().value(), a.username(), a.token())).toList();
            return new BulkAccountsResponse(accounts);
        }));
        router.post("/api/v1/admin/bulk-join").handler(authorised(routes, admin, 200, ctx -> {
            BulkJoinRequest r = routes.body(ctx, BulkJoinRequest.class);
            if (r.userIds() != null && r.userIds().contains(null)) {
                throw new ConfabException(ErrorCode.REQUEST_INVALID, "'userIds' must be a list of account ids.");
            }
            List<AccountId> people = r.userIds() == null ? null : r.userIds().stream().map(AccountId::new).toList();
            BulkRoomJoins.Result result = admin.roomJoins().join(r.room(), people);
            return new BulkJoinResponse(result.room().id().value(), ids(result.joined()), ids(result.alreadyMembers()),
                    result.room().memberCount(), result.room().lastSeq());
        }));
    }

    /** Runs {@code work} on a virtual thread when the request carries the admin token; 401 otherwise. */
    private static Handler<RoutingContext> authorised(RouteSupport routes, HttpApi.Admin admin, int status,
                                                      Function<RoutingContext, Object> work) {
        Handler<RoutingContext> handler = routes.open(status, work);
        return ctx -> {
            if (!admin.token().matches(bearer(ctx))) {
                ctx.fail(new ConfabException(ErrorCode.AUTH_UNAUTHENTICATED, "A valid admin token is required."));
                return;
            }
            handler.handle(ctx);
        };
    }

    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }

    private static List<Long> ids(List<AccountId> ids) {
        return ids.stream().map(AccountId::value).toList();
    }
}
