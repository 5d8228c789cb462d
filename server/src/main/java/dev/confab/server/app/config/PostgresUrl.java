package dev.confab.server.app.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A libpq-style URL ({@code postgresql://user:password@host:5432/db?sslmode=require}, as most hosting
 * panels hand out) turned into the JDBC URL and credentials the driver wants.
 */
record PostgresUrl(String jdbcUrl, String user, String password) {

    /** The translation, or null when {@code text} is not a postgresql:// or postgres:// URL. */
    static PostgresUrl parse(String text) {
        if (!text.startsWith("postgresql://") && !text.startsWith("postgres://")) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("db.url is not a valid URL: " + e.getMessage());
        }
        if (uri.getHost() == null) {
            throw new ConfigException("db.url has no host: expected postgresql://user:password@host:5432/database");
        }
        String hostPort = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        if (uri.getPort() > 0) {
            hostPort += ":" + uri.getPort();
        }
        String jdbc = "jdbc:postgresql://" + hostPort + (uri.getRawPath() == null ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        return new PostgresUrl(jdbc, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
