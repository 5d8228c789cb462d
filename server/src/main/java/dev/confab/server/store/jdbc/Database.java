package dev.confab.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.confab.server.errors.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * An open, migrated database: a connection pool over SQLite or PostgreSQL whose schema is at the latest
 * migration. Thread-safe. {@link #open} blocks; so do the stores built on it.
 */
public final class Database implements AutoCloseable {

    private static final long REACHABILITY_WAIT_MILLIS = 2_000;
    private static final int VALIDITY_CHECK_SECONDS = 1;
    private static final int MIGRATION_POOL_SIZE = 3;

    private final Dialect dialect;
    private final HikariDataSource pool;
    private final SqlExceptionTranslator translator;
    private final ReentrantLock sqliteWriteLock = new ReentrantLock(true);
    private final AtomicReference<CompletableFuture<Boolean>> reachabilityCheck = new AtomicReference<>();

    private Database(Dialect dialect, HikariDataSource pool, SqlExceptionTranslator translator) {
        this.dialect = dialect;
        this.pool = pool;
        this.translator = translator;
    }

    /**
     * Connects, creates the PostgreSQL schema when one is named and missing, and applies pending
     * migrations from {@code classpath:db/migration/<dialect>}.
     *
     * @throws StoreUnavailableException when the database cannot be reached
     * @throws IllegalStateException     when a migration fails
     */
    public static Database open(DatabaseSettings settings) {
        SqlExceptionTranslator translator = new SqlExceptionTranslator(settings.password());
        HikariConfig migrationConfig = ConnectionPoolConfig.of(settings);
        migrationConfig.setPoolName("confab-db-migration");
        migrationConfig.setMaximumPoolSize(MIGRATION_POOL_SIZE);
        migrationConfig.setMinimumIdle(1);
        try (HikariDataSource migrationPool = connect(migrationConfig, translator)) {
            migrate(migrationPool, settings, translator);
        }
        return new Database(settings.dialect(), connect(ConnectionPoolConfig.of(settings), translator), translator);
    }

    private static HikariDataSource connect(HikariConfig config, SqlExceptionTranslator translator) {
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw translator.unavailable("connect", e.getCause() == null ? e : e.getCause());
        }
    }

    /** Flyway holds a lock on one connection while it migrates on another, so it gets a pool of its own. */
    private static void migrate(HikariDataSource pool, DatabaseSettings settings, SqlExceptionTranslator translator) {
        var flyway = Flyway.configure()
                .dataSource(pool)
                .locations(settings.dialect().migrations())
                .failOnMissingLocations(true)
                .validateMigrationNaming(true);
        if (settings.dialect() == Dialect.POSTGRESQL && settings.schema() != null) {
            flyway.schemas(settings.schema()).createSchemas(true);
        }
        try {
            flyway.load().migrate();
        } catch (FlywayException e) {
            if (SqlExceptionTranslator.isUnavailable(e)) {
                throw translator.unavailable("migrate", e);
            }
            throw new IllegalStateException("database migration failed: " + translator.redact(e.getMessage()), e);
        }
    }

    /** Most connections the pool holds. */
    public int poolSize() {
        return pool.getMaximumPoolSize();
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Whether a pooled connection can be had and is valid. Returns within about two seconds even when the
     * database hangs; concurrent callers share one check in flight.
     */
    public boolean isReachable() {
        CompletableFuture<Boolean> check = currentReachabilityCheck();
        try {
            return check.get(REACHABILITY_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private CompletableFuture<Boolean> currentReachabilityCheck() {
        while (true) {
            CompletableFuture<Boolean> current = reachabilityCheck.get();
            if (current != null && !current.isDone()) {
                return current;
            }
            CompletableFuture<Boolean> fresh = new CompletableFuture<>();
            if (reachabilityCheck.compareAndSet(current, fresh)) {
                Thread.ofVirtual().name("confab-db-reachability").start(() -> fresh.complete(checkConnection()));
                return fresh;
            }
        }
    }

    private boolean checkConnection() {
        if (pool.isClosed()) {
            return false;
        }
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(VALIDITY_CHECK_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Closes the pool. Idempotent. */
    @Override
    public void close() {
        pool.close();
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Drops a connection whose transaction state is unknown instead of returning it to the pool. */
    void evict(Connection connection) {
        pool.evictConnection(connection);
    }

    /** Serialises this process's SQLite writers fairly, so they queue instead of polling the file lock. */
    ReentrantLock sqliteWriteLock() {
        return sqliteWriteLock;
    }

    SqlExceptionTranslator translator() {
        return translator;
    }
}
