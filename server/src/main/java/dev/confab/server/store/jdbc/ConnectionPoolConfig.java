package dev.confab.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Builds the HikariCP configuration for a {@link DatabaseSettings}, with each dialect's connection
 * settings. SQLite connections run in WAL mode with foreign keys enforced and a busy timeout; they stay
 * in auto-commit mode and {@link Transactions} opens write transactions with {@code BEGIN IMMEDIATE}
 * itself, because the driver's own transaction mode re-opens a transaction, and so re-takes the write
 * lock, right after every commit.
 */
final class ConnectionPoolConfig {

    /** How long a SQLite writer waits for another process's write lock before giving up. */
    static final Duration SQLITE_BUSY_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration MAX_VALIDATION_TIMEOUT = Duration.ofSeconds(2);

    private ConnectionPoolConfig() {
    }

    static HikariConfig of(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("confab-db");
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        Duration validation = settings.connectionTimeout().compareTo(MAX_VALIDATION_TIMEOUT) < 0
                ? settings.connectionTimeout() : MAX_VALIDATION_TIMEOUT;
        config.setValidationTimeout(validation.toMillis());
        config.setAutoCommit(true);
        switch (settings.dialect()) {
            case SQLITE -> configureSqlite(config, settings);
            case POSTGRESQL -> configurePostgres(config, settings);
        }
        return config;
    }

    private static void configureSqlite(HikariConfig config, DatabaseSettings settings) {
        createParentDirectory(settings.jdbcUrl());
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(settings.sqliteSynchronous()));
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout((int) SQLITE_BUSY_TIMEOUT.toMillis());
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl(settings.jdbcUrl());
        config.setDataSource(dataSource);
    }

    private static void configurePostgres(HikariConfig config, DatabaseSettings settings) {
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.addDataSourceProperty("ApplicationName", "confab");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // Keeps row values (tokens, message bodies) out of exception messages and so out of logs.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        if (settings.schema() != null) {
            config.addDataSourceProperty("currentSchema", settings.schema());
        }
    }

    /** Creates the directory of a file-backed SQLite URL; in-memory and resource URLs have none. */
    private static void createParentDirectory(String jdbcUrl) {
        String location = jdbcUrl.substring(Dialect.SQLITE.urlPrefix().length());
        int query = location.indexOf('?');
        if (query >= 0) {
            location = location.substring(0, query);
        }
        if (location.startsWith("file:")) {
            location = location.substring("file:".length());
        }
        if (location.isEmpty() || location.startsWith(":")) {
            return;
        }
        Path parent = Path.of(location).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory " + parent, e);
        }
    }
}
