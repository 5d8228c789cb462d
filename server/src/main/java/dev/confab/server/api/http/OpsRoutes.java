package dev.confab.server.api.http;

import dev.confab.server.api.BlockingCalls;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;

/**
 * Liveness ({@code /health}: the process answers), readiness ({@code /ready}: the database answers
 * too, and the node is not shutting down), and the OpenAPI document. (The web client at {@code /} is
 * {@link WebClientRoutes}.)
 */
final class OpsRoutes {
    private OpsRoutes() {
    }

    static void mount(Router router, BlockingCalls blocking, BooleanSupplier ready) {
        router.get("/health").handler(ctx -> json(ctx, 200, "{\"status\":\"ok\"}"));
        router.get("/ready").handler(ctx -> blocking.run(ready::getAsBoolean).onComplete(r -> {
            boolean ok = r.succeeded() && r.result();
            json(ctx, ok ? 200 : 503, ok ? "{\"status\":\"ready\"}" : "{\"status\":\"unavailable\"}");
        }));
        Buffer openapi = resource("openapi.yaml");
        router.get("/api/v1/openapi.yaml").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8").end(openapi));
    }

    private static void json(io.vertx.ext.web.RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(body);
    }

    private static Buffer resource(String name) {
        try (InputStream in = OpsRoutes.class.getResourceAsStream("/public/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /public/" + name);
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
