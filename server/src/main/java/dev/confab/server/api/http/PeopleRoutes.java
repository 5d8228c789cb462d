package dev.confab.server.api.http;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.model.PresenceList;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AccountStore;
import dev.confab.server.api.Views;
import dev.confab.server.errors.ConfabException;
import dev.confab.protocol.model.UserList;
import dev.confab.server.contacts.PeopleDirectory;
import dev.confab.server.presence.PresenceService;
import io.vertx.ext.web.Router;
import java.util.Arrays;
import java.util.List;

/** Public profiles by exact username, and presence of a list of users. */
final class PeopleRoutes {
    private PeopleRoutes() {
    }

    static void mount(Router router, RouteSupport routes, AccountStore accounts, PresenceService presence,
                      PeopleDirectory people, int maxPresenceQuery) {
        router.get("/api/v1/users/search").handler(routes.authed(200, (who, ctx) -> new UserList(
                people.search(who, ctx.request().getParam("q")).stream().map(Views::user).toList())));
        router.get("/api/v1/users").handler(routes.authed(200, (who, ctx) -> new UserList(
                people.profiles(parseIds(ctx.request().getParam("ids"), maxPresenceQuery)).stream()
                        .map(Views::user).toList())));
        router.get("/api/v1/users/:username").handler(routes.authed(200, (who, ctx) ->
                Views.user(accounts.findByUsername(ctx.pathParam("username"))
                        .orElseThrow(() -> new ConfabException(ErrorCode.USER_NOT_FOUND)))));
        router.get("/api/v1/presence").handler(routes.authed(200, (who, ctx) -> {
            List<AccountId> ids = parseIds(ctx.request().getParam("userIds"), maxPresenceQuery);
            return new PresenceList(presence.query(who.accountId(), ids).stream().map(Views::presence).toList());
        }));
    }

    private static List<AccountId> parseIds(String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String[] parts = raw.split(",");
        if (parts.length > max) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "At most " + max + " ids per query.");
        }
        try {
            return Arrays.stream(parts).map(String::strip).map(Long::parseLong).map(AccountId::new).toList();
        } catch (NumberFormatException e) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "Ids are a comma-separated list of user ids.");
        }
    }
}
