package dev.confab.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a Confab server's API lives, derived from its base URI ({@code http://host:port} or
 * {@code https://host/prefix}): HTTP endpoints under {@code /api/v1}, the WebSocket at
 * {@code ws(s)://.../api/v1/ws}.
 */
record ServerAddress(URI base) {
    private static final String API = "/api/v1";

    ServerAddress {
        Objects.requireNonNull(base, "base");
        String scheme = base.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("The base URI must be http:// or https://, not " + base);
        }
        if (base.getHost() == null) {
            throw new IllegalArgumentException("The base URI has no host: " + base);
        }
    }

    /** The HTTP URI of {@code pathAndQuery}, which starts with '/' and is relative to {@code /api/v1}. */
    URI http(String pathAndQuery) {
        return URI.create(root() + API + pathAndQuery);
    }

    /** The WebSocket endpoint. */
    URI webSocket() {
        String scheme = "https".equalsIgnoreCase(base.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + root().substring(base.getScheme().length()) + API + "/ws");
    }

    /** The same server, spelled without a query or trailing slashes, so equal servers compare equal. */
    ServerAddress normalized() {
        return new ServerAddress(URI.create(root()));
    }

    /** Encodes one path segment or query value. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String root() {
        String text = base.toString();
        int query = text.indexOf('?');
        if (query >= 0) {
            text = text.substring(0, query);
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
