package dev.confab.server.store.jdbc;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach the database.
 *
 * @param jdbcUrl            {@code jdbc:sqlite:<file>} or {@code jdbc:postgresql://host:port/db}; required
 * @param user               database user; null for SQLite or trust authentication
 * @param password           database password; null when not needed. Never printed by {@link #toString()}
 * @param poolSize           maximum pooled connections, at least 1
 * @param sqliteSynchronous  SQLite {@code synchronous} pragma: {@code FULL} (default; a committed write
 *                           survives power loss) or {@code NORMAL} (survives a process crash only)
 * @param connectionTimeout  longest wait for a pooled connection before the store reports itself
 *                           unavailable; default 30 s, at least 250 ms
 * @param schema             PostgreSQL schema to create if missing and use; null for the user's default.
 *                           Lower-case letters, digits and underscores only. Ignored for SQLite
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize, String sqliteSynchronous,
                               Duration connectionTimeout, String schema) {

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        boolean inMemory = jdbcUrl.contains(":memory:") || jdbcUrl.contains("mode=memory");
        if (Dialect.ofUrl(jdbcUrl) == Dialect.SQLITE && inMemory) {
            throw new IllegalArgumentException("jdbcUrl: in-memory SQLite is not supported, each pooled connection"
                    + " would see a database of its own; use a file");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        sqliteSynchronous = sqliteSynchronous == null ? "FULL" : sqliteSynchronous.toUpperCase(Locale.ROOT);
        if (!sqliteSynchronous.equals("FULL") && !sqliteSynchronous.equals("NORMAL")) {
            throw new IllegalArgumentException("sqliteSynchronous must be FULL or NORMAL, was " + sqliteSynchronous);
        }
        connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(30) : connectionTimeout;
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms, was " + connectionTimeout);
        }
        if (schema != null && !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must match " + SCHEMA_NAME.pattern() + ", was " + schema);
        }
    }

    /** The dialect named by {@link #jdbcUrl()}. */
    public Dialect dialect() {
        return Dialect.ofUrl(jdbcUrl);
    }

    /** Leaves out the password and anything after '?' in the URL, where credentials may be passed. */
    @Override
    public String toString() {
        int query = jdbcUrl.indexOf('?');
        String url = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
        String shownPassword = password == null ? "none" : "***";
        return "DatabaseSettings[jdbcUrl=" + url + ", user=" + user + ", password=" + shownPassword
                + ", poolSize=" + poolSize + ", sqliteSynchronous=" + sqliteSynchronous
                + ", connectionTimeout=" + connectionTimeout + ", schema=" + schema + "]";
    }
}
