package dev.confab.server.testing;

import dev.confab.server.store.jdbc.DatabaseSettings;
import dev.confab.server.store.jdbc.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Database settings for tests. {@link #sqlite} puts a database file in a directory the test owns;
 * {@link #postgres} points at the machine's PostgreSQL with a fresh schema per call, and skips the test
 * when PostgreSQL is unreachable (fails it instead when {@code CONFAB_REQUIRE_SERVICES=true}).
 *
 * <p>Environment: {@code CONFAB_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}),
 * {@code CONFAB_TEST_PG_USER} (default {@code postgres}), {@code CONFAB_TEST_PG_PASSWORD} (default none).
 *
 * <p>Schemas are named {@code confab_test_<epoch seconds>_<random>}. Drop them with {@link #dropSchema};
 * those still there when the JVM exits are dropped then, and ones a killed run left behind are dropped by
 * a later {@link #postgres} call once they are six hours old.
 */
public final class TestDatabases {

    public static final String REQUIRE_SERVICES_VARIABLE = "CONFAB_REQUIRE_SERVICES";

    private static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA_PREFIX = "confab_test_";
    private static final Duration STALE_SCHEMA_AGE = Duration.ofHours(6);
    private static final int POOL_SIZE = 8;
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(30);

    /** Schemas this JVM created and has not dropped yet, with the settings to reach them. */
    private static final Map<String, DatabaseSettings> UNDROPPED = new ConcurrentHashMap<>();
    private static final AtomicBoolean EXIT_CLEANUP_REGISTERED = new AtomicBoolean();

    private TestDatabases() {
    }

    /** A SQLite database file {@code confab.db} in {@code dir}, synchronous FULL. */
    public static DatabaseSettings sqlite(Path dir) {
        return new DatabaseSettings("jdbc:sqlite:" + dir.resolve("confab.db"), null, null, POOL_SIZE, "FULL",
                CONNECTION_TIMEOUT, null);
    }

    /** The test PostgreSQL with a new, not yet created schema; aborts or fails the test when unreachable. */
    public static DatabaseSettings postgres() {
        String url = environment("CONFAB_TEST_PG_URL", DEFAULT_PG_URL);
        String user = environment("CONFAB_TEST_PG_USER", "postgres");
        String password = System.getenv("CONFAB_TEST_PG_PASSWORD");
        try (Connection connection = connect(url, user, password)) {
            dropStaleSchemas(connection);
        } catch (SQLException e) {
            serviceMissing("PostgreSQL is unreachable at " + url + " as " + user + ": " + e.getMessage());
        }
        String schema = SCHEMA_PREFIX + Instant.now().getEpochSecond() + "_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFFL);
        DatabaseSettings settings = new DatabaseSettings(url, user, password, POOL_SIZE, null, CONNECTION_TIMEOUT,
                schema);
        UNDROPPED.put(schema, settings);
        if (EXIT_CLEANUP_REGISTERED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropUndropped, "drop-test-schemas"));
        }
        return settings;
    }

    /** Drops the PostgreSQL schema of {@code settings} with everything in it; does nothing for SQLite. */
    public static void dropSchema(DatabaseSettings settings) {
        if (settings.dialect() != Dialect.POSTGRESQL || settings.schema() == null) {
            return;
        }
        try (Connection connection = connect(settings.jdbcUrl(), settings.user(), settings.password())) {
            drop(connection, settings.schema());
            UNDROPPED.remove(settings.schema());
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + settings.schema(), e);
        }
    }

    private static void dropUndropped() {
        for (DatabaseSettings settings : List.copyOf(UNDROPPED.values())) {
            try (Connection connection = connect(settings.jdbcUrl(), settings.user(), settings.password())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET lock_timeout = '5s'");
                }
                drop(connection, settings.schema());
            } catch (SQLException e) {
                System.err.println("could not drop test schema " + settings.schema() + ": " + e.getMessage());
            }
        }
    }

    /**
     * Skips the calling test because a service it needs is missing, or fails it when
     * {@value #REQUIRE_SERVICES_VARIABLE} is {@code true}.
     */
    public static void serviceMissing(String reason) {
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE_SERVICES_VARIABLE))) {
            Assertions.fail(reason + " (" + REQUIRE_SERVICES_VARIABLE + "=true)");
        }
        Assumptions.abort(reason);
    }

    private static void dropStaleSchemas(Connection connection) throws SQLException {
        long cutoff = Instant.now().minus(STALE_SCHEMA_AGE).getEpochSecond();
        List<String> stale = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'confab\\_test\\_%'")) {
            while (rows.next()) {
                String name = rows.getString(1);
                String[] parts = name.substring(SCHEMA_PREFIX.length()).split("_");
                if (parts.length == 2 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < cutoff) {
                    stale.add(name);
                }
            }
        }
        for (String name : stale) {
            drop(connection, name);
        }
    }

    private static void drop(Connection connection, String schema) throws SQLException {
        if (!schema.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("unexpected schema name " + schema);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("loginTimeout", "3");
        return DriverManager.getConnection(url, properties);
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
