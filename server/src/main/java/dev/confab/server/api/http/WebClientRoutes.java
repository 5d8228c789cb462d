package dev.confab.server.api.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web client at {@code /}: the files of the repository's {@code web/} directory, packaged into the
 * server jar under {@code confab-web/} (a name no working directory is likely to hold, since Vert.x looks
 * in the working directory before the class path). Mounted after the API, so it only sees paths no API
 * route took. Every file is answered with {@code Cache-Control: no-cache}: the browser revalidates it, so
 * a new server version takes effect on the next load; offline use is the service worker's job.
 */
final class WebClientRoutes {
    static final String ROOT = "confab-web";
    static final String MANIFEST = "/manifest.json";
    /** The media type of a web app manifest (W3C Web Application Manifest, section 1.1). */
    static final String MANIFEST_TYPE = "application/manifest+json";

    private WebClientRoutes() {
    }

    static void mount(Router router) {
        StaticHandler files = StaticHandler.create(FileSystemAccess.RELATIVE, ROOT)
                .setIndexPage("index.html")
                .setCachingEnabled(false)
                .setDirectoryListing(false)
                .setIncludeHidden(false)
                .setDefaultContentEncoding("UTF-8");
        // Not under /api/, so that an unknown API path stays 404 for every method (not 405).
        router.routeWithRegex("^/(?!api/).*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(ctx -> {
            ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            if (ctx.normalizedPath().equals("/sw.js")) {
                // The worker may control the whole origin, so that it can serve the app shell offline.
                ctx.response().putHeader("Service-Worker-Allowed", "/");
            } else if (ctx.normalizedPath().equals(MANIFEST)) {
                // Vert.x knows no type for web app manifests; set it last, over the static handler's guess.
                ctx.addHeadersEndHandler(v -> {
                    if (ctx.response().getStatusCode() == 200) {
                        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, MANIFEST_TYPE);
                    }
                });
            }
            files.handle(ctx);
        });
    }
}
