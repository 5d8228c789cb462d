package dev.confab.server.transport;

import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import java.time.Duration;

/**
 * The browser's credential: the session token in an {@code HttpOnly}, {@code SameSite=Strict} cookie,
 * so that script running in the page (injected or not) can never read it. It is set by a login that asks
 * for it ({@code "useCookie": true}) and cleared by logout. The cookie carries the same token a bearer
 * client gets, so it ends, expires and is refused exactly like one.
 *
 * <p>A cookie is sent by the browser on its own, also on requests another page makes; so wherever it is
 * accepted for a request that changes something (and for the WebSocket upgrade), the caller must check
 * the Origin with {@code OriginPolicy.allowsCookie} first.
 */
public final class SessionCookie {
    /** The cookie's name. Not {@code __Host-}, which would require HTTPS even on a laptop. */
    public static final String NAME = "confab_session";

    /** Longest token accepted from a cookie; matches the bearer limit (tokens are 43 characters). */
    private static final int MAX_TOKEN_CHARS = 128;

    private SessionCookie() {
    }

    /** The token in a {@code Cookie} request header, or null when there is none (or it is malformed). */
    public static String token(String cookieHeader) {
        if (cookieHeader == null || cookieHeader.isEmpty()) {
            return null;
        }
        for (io.netty.handler.codec.http.cookie.Cookie c : ServerCookieDecoder.LAX.decode(cookieHeader)) {
            if (NAME.equals(c.name())) {
                String value = c.value();
                return value == null || value.isEmpty() || value.length() > MAX_TOKEN_CHARS ? null : value;
            }
        }
        return null;
    }

    /** A cookie carrying {@code token} for {@code lifetime} (the session's remaining validity). */
    public static Cookie carrying(String token, Duration lifetime, boolean secure) {
        return base(token, secure).setMaxAge(Math.max(0, lifetime.toSeconds()));
    }

    /** A cookie that makes the browser forget the session cookie. */
    public static Cookie cleared(boolean secure) {
        return base("", secure).setMaxAge(0);
    }

    private static Cookie base(String value, boolean secure) {
        return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(secure);
    }
}
