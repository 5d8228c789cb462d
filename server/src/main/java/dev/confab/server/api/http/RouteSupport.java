package dev.confab.server.api.http;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.WireJson;
import dev.confab.server.accounts.AccountService;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.api.BlockingCalls;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.transport.SessionCookie;
import dev.confab.server.transport.ws.OriginPolicy;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns a blocking piece of work into a route handler: the work (authentication included) runs on a
 * virtual thread, its result is written as JSON with the given status (204 when it returns null), and
 * failures go to the router's failure handler ({@link HttpErrors}).
 *
 * <p>The credential is the bearer token of the {@code Authorization} header; when that header is absent,
 * the session cookie of a browser ({@link SessionCookie}). A cookie-authenticated request that changes
 * something must come with an Origin the {@link OriginPolicy} accepts for cookies (CSRF protection);
 * otherwise it is refused with 403 {@code auth.forbidden_origin} before anything runs.
 */
final class RouteSupport {
    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final BlockingCalls blocking;
    private final AccountService accounts;
    private final WireJson json;
    private final OriginPolicy origins;
    private final boolean secureCookies;

    RouteSupport(BlockingCalls blocking, AccountService accounts, WireJson json, OriginPolicy origins,
                 boolean secureCookies) {
        this.blocking = blocking;
        this.accounts = accounts;
        this.json = json;
        this.origins = origins;
        this.secureCookies = secureCookies;
    }

    /** An answer that also sets (or clears) the session cookie. */
    record CookieReply(Object body, Cookie cookie) {
    }

    /** A route that needs no session. */
    Handler<RoutingContext> open(int status, Function<RoutingContext, Object> work) {
        return ctx -> blocking.run(() -> work.apply(ctx)).onSuccess(body -> reply(ctx, status, body)).onFailure(ctx::fail);
    }

    /** A route that needs a session: {@code Authorization: Bearer <token>}, or the session cookie. */
    Handler<RoutingContext> authed(int status, BiFunction<AuthenticatedSession, RoutingContext, Object> work) {
        return ctx -> {
            String token;
            try {
                token = credential(ctx);
            } catch (ConfabException e) {
                ctx.fail(e);
                return;
            }
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

    /** Whether the request came with an Origin that may act with the session cookie. */
    boolean originAllowsCookie(RoutingContext ctx) {
        // authority(): the Host header on HTTP/1.x, :authority on HTTP/2 (which has no Host header).
        var authority = ctx.request().authority();
        String host = authority == null ? null
                : authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host();
        return origins.allowsCookie(ctx.request().getHeader(HttpHeaders.ORIGIN), host);
    }

    /** A cookie carrying the token of a new session, valid as long as the session can be. */
    Cookie sessionCookie(String token, java.time.Duration lifetime, RoutingContext ctx) {
        return SessionCookie.carrying(token, lifetime, secure(ctx));
    }

    /** A cookie that clears the session cookie. */
    Cookie clearedCookie(RoutingContext ctx) {
        return SessionCookie.cleared(secure(ctx));
    }

    void reply(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (body instanceof CookieReply withCookie) {
            ctx.response().addCookie(withCookie.cookie());
            body = withCookie.body();
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

    private boolean secure(RoutingContext ctx) {
        return secureCookies || ctx.request().isSSL();
    }

    /**
     * The token to authenticate with. An Authorization header is used as before, even a malformed one
     * (which yields null, then 401); only without it does the session cookie count.
     */
    private String credential(RoutingContext ctx) {
        if (ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return bearer(ctx);
        }
        String cookie = SessionCookie.token(ctx.request().getHeader(HttpHeaders.COOKIE));
        if (cookie != null && !SAFE_METHODS.contains(ctx.request().method()) && !originAllowsCookie(ctx)) {
            throw new ConfabException(ErrorCode.AUTH_FORBIDDEN_ORIGIN,
                    "A request signed in with the session cookie must come from this server's own pages.");
        }
        return cookie;
    }

    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }
}
