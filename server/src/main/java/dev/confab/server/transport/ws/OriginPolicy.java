package dev.confab.server.transport.ws;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which browser origins may open a WebSocket. The server's own origin is always accepted (the Origin's
 * host and port equal the Host header), as is every origin on the allow-list; {@code *} accepts any. Requests
 * without an Origin header come from non-browser clients, which Origin checks cannot restrict, and are
 * accepted; they still need a valid token.
 *
 * <p>A request that a browser authenticates with the session cookie is held to more ({@link #allowsCookie}):
 * the Origin must be present and be the server's own or one listed by name; {@code *} does not count, since
 * the browser would attach the cookie to requests of any page of the same site.
 */
public final class OriginPolicy {
    private final List<String> allowed;

    public OriginPolicy(List<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().map(o -> stripSlash(o.toLowerCase(Locale.ROOT))).toList();
    }

    public boolean allows(String origin, String host) {
        if (origin == null) {
            return true;
        }
        String normalized = stripSlash(origin.toLowerCase(Locale.ROOT));
        if (allowed.contains("*") || allowed.contains(normalized)) {
            return true;
        }
        return sameOrigin(normalized, host);
    }

    /** Whether a request carrying the session cookie may act: a present Origin, own or listed by name. */
    public boolean allowsCookie(String origin, String host) {
        if (origin == null) {
            return false;
        }
        String normalized = stripSlash(origin.toLowerCase(Locale.ROOT));
        return allowed.contains(normalized) || sameOrigin(normalized, host);
    }

    private static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            String hostLower = host.toLowerCase(Locale.ROOT);
            int defaultPort = "https".equals(uri.getScheme()) ? 443 : 80;
            String withPort = uri.getHost() + ":" + port;
            return hostLower.equals(withPort) || (port == defaultPort && hostLower.equals(uri.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
