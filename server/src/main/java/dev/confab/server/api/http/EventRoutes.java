package dev.confab.server.api.http;

import dev.confab.server.api.EventData;
import dev.confab.server.events.EventService;
import io.vertx.ext.web.Router;

/** The caller's event log: GET /api/v1/events?after=SEQ&limit=N. */
final class EventRoutes {
    private EventRoutes() {
    }

    static void mount(Router router, RouteSupport routes, EventService events, EventData eventData) {
        router.get("/api/v1/events").handler(routes.authed(200, (who, ctx) -> eventData.page(events.after(who,
                ConversationRoutes.longParam(ctx, "after"), ConversationRoutes.intParam(ctx, "limit")))));
    }
}
