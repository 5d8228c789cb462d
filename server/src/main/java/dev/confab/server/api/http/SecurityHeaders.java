package dev.confab.server.api.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every HTTP answer carries, API and web client alike. The Content-Security-Policy lets a page
 * run only the server's own script files (no inline script, no {@code eval}, no other origin), load
 * styles, images, fonts, the manifest and the service worker only from the server, and talk only to the
 * server ({@code connect-src 'self'}, which covers the WebSocket of the same origin); nothing may frame
 * it. So even text that slipped into the page as markup could run nothing. User avatars are opaque
 * references that the server never checks, so the client shows initials instead of fetching them, and
 * {@code img-src} stays closed to other origins (no tracking pixels).
 */
final class SecurityHeaders implements Handler<RoutingContext> {
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "manifest-src 'self'",
            "worker-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** HSTS lifetime once the server is known to be reached over HTTPS (one year). */
    private static final String HSTS = "max-age=31536000";

    private final boolean https;

    /** {@code https}: the server's public URL is https, so browsers may be told to insist on it. */
    SecurityHeaders(boolean https) {
        this.https = https;
    }

    @Override
    public void handle(RoutingContext ctx) {
        MultiMap headers = ctx.response().headers();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        if (https || ctx.request().isSSL()) {
            headers.set("Strict-Transport-Security", HSTS);
        }
        ctx.next();
    }
}
