package dev.confab.server.api.http;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.model.LoginResponse;
import dev.confab.protocol.model.SessionList;
import dev.confab.protocol.model.TicketResponse;
import dev.confab.protocol.request.ChangePasswordRequest;
import dev.confab.protocol.request.LoginRequest;
import dev.confab.protocol.request.ProfileUpdateRequest;
import dev.confab.server.contacts.ProfileService;
import dev.confab.protocol.request.RegisterRequest;
import dev.confab.server.accounts.AccountService;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.accounts.TicketService;
import dev.confab.server.cluster.NodeDirectory;
import dev.confab.server.api.Views;
import dev.confab.server.errors.ConfabException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/** Registration, login/logout (with the node to connect to), the caller's account and sessions, WebSocket tickets. */
final class AccountRoutes {
    private AccountRoutes() {
    }

    static void mount(Router router, RouteSupport routes, AccountService accounts, TicketService tickets,
                      ProfileService profiles, NodeDirectory nodes) {
        router.post("/api/v1/accounts").handler(routes.open(201, ctx -> {
            RegisterRequest r = routes.body(ctx, RegisterRequest.class);
            return Views.account(accounts.register(r.username(), r.password(), r.displayName(), r.email(), r.phone()));
        }));
        router.post("/api/v1/sessions").handler(routes.open(201, ctx -> {
            LoginRequest r = routes.body(ctx, LoginRequest.class);
            boolean cookie = Boolean.TRUE.equals(r.useCookie());
            if (cookie && ctx.request().getHeader(HttpHeaders.ORIGIN) != null && !routes.originAllowsCookie(ctx)) {
                throw new ConfabException(ErrorCode.AUTH_FORBIDDEN_ORIGIN,
                        "A cookie session can only be opened from this server's own pages.");
            }
            var login = accounts.login(r.username(), r.password(), r.deviceId(), r.deviceName());
            var answer = new LoginResponse(cookie ? null : login.token(),
                    Views.session(login.session(), login.session().id()),
                    Views.account(login.account()), Views.node(nodes.liveNodes().getFirst()));
            if (!cookie) {
                return answer;
            }
            var lifetime = java.time.Duration.between(login.session().createdAt(), login.session().expiresAt());
            return new RouteSupport.CookieReply(answer, routes.sessionCookie(login.token(), lifetime, ctx));
        }));
        router.get("/api/v1/sessions").handler(routes.authed(200, (who, ctx) -> new SessionList(
                accounts.listSessions(who).stream().map(s -> Views.session(s, who.sessionId())).toList())));
        router.delete("/api/v1/sessions/current").handler(routes.authed(204, (who, ctx) -> {
            accounts.logout(who);
            boolean hadCookie = ctx.request().getHeader(HttpHeaders.COOKIE) != null;
            return hadCookie ? new RouteSupport.CookieReply(null, routes.clearedCookie(ctx)) : null;
        }));
        router.delete("/api/v1/sessions/:id").handler(routes.authed(204, (who, ctx) -> {
            accounts.endSession(who, new SessionId(ctx.pathParam("id")));
            return null;
        }));
        router.get("/api/v1/me").handler(routes.authed(200, (who, ctx) -> Views.account(accounts.me(who))));
        router.patch("/api/v1/me").handler(routes.authed(200, (who, ctx) -> {
            ProfileUpdateRequest r = routes.body(ctx, ProfileUpdateRequest.class);
            return Views.account(profiles.update(who, new ProfileService.Change(r.displayName(), r.avatar(), r.email(),
                    r.phone(), r.findableByEmail(), r.findableByPhone())));
        }));
        router.post("/api/v1/me/password").handler(routes.authed(204, (who, ctx) -> {
            ChangePasswordRequest r = routes.body(ctx, ChangePasswordRequest.class);
            if (r.newPassword() == null) {
                throw new ConfabException(ErrorCode.REQUEST_INVALID, "'newPassword' is required.");
            }
            accounts.changePassword(who, r.currentPassword(), r.newPassword(), Boolean.TRUE.equals(r.endOtherSessions()));
            return null;
        }));
        router.post("/api/v1/ws-tickets").handler(routes.authed(201, (who, ctx) -> {
            TicketService.Ticket t = tickets.issue(who);
            return new TicketResponse(t.value(), t.expiresAt());
        }));
    }
}
