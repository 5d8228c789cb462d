package dev.confab.server.api.http;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.WireJson;
import dev.confab.server.accounts.AccountService;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.api.BlockingCalls;
import dev.confab.server.errors.ConfabException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns a blocking piece of work into a route handler: the work (authentication included) runs on a
 * virtual thread, its result is written as JSON with the given status (204 when it returns null), and
 * failures go to the router's failure handler ({@link HttpErrors}).
 */
final class RouteSupport {
    private final BlockingCalls blocking;
    private final AccountService accounts;
    private final WireJson json;

    RouteSupport(BlockingCalls blocking, AccountService accounts, WireJson json) {
        this.blocking = blocking;
        this.accounts = accounts;
        this.json = json;
    }

    /** A route that needs no session. */
    Handler<RoutingContext> open(int status, Function<RoutingContext, Object> work) {
        return ctx -> blocking.run(() -> work.apply(ctx)).onSuccess(body -> reply(ctx, status, body)).onFailure(ctx::fail);
    }

    /** A route that needs {@code Authorization: Bearer <token>}. */
    Handler<RoutingContext> authed(int status, BiFunction<AuthenticatedSession, RoutingContext, Object> work) {
        return ctx -> {
            String token = bearer(ctx);
            blocking.run(() -> work.apply(accounts.authenticate(token), ctx))
                    .onSuccess(body -> reply(ctx, status, body)).onFailure(ctx::fail);
        };
    }

    <T> T body(RoutingContext ctx, Class<T> type) {
        var buffer = ctx.body().buffer();
        if (buffer == null || buffer.length() == 0) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "A JSON body is required.");
        }
        return json.decode(buffer.getBytes(), type);
    }

    void reply(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (body == null) {
            ctx.response().setStatusCode(204).end();
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(json.encode(body));
    }

    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }
}
