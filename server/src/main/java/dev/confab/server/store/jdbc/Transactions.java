package dev.confab.server.store.jdbc;

import dev.confab.server.errors.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs store work on a pooled connection. {@link #write} wraps it in a transaction that commits when the
 * work returns and rolls back when it throws; {@link #read} runs it in auto-commit mode, for work made of
 * one statement or that tolerates statements seeing different snapshots.
 *
 * <p>On SQLite a write transaction takes the database write lock up front ({@code BEGIN IMMEDIATE}), so
 * two writers never deadlock upgrading a read lock, and writers of this process queue fairly for it.
 *
 * <p>{@link SQLException}s become {@link StoreUnavailableException} when the database is unreachable,
 * timed out or busy, and {@link IllegalStateException} otherwise. Runtime exceptions thrown by the work
 * (such as a {@link dev.confab.server.errors.ConfabException}) roll back and pass through unchanged.
 * Thread-safe.
 */
public final class Transactions {

    /** Work against a connection; must not commit, roll back or close it. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Database database;

    public Transactions(Database database) {
        this.database = database;
    }

    /** Runs {@code work} in one transaction and returns its result after the commit. */
    public <T> T write(String operation, Work<T> work) {
        try (Connection connection = database.connection()) {
            return database.dialect() == Dialect.SQLITE
                    ? writeSqlite(operation, connection, work)
                    : writeWithJdbcTransaction(connection, work);
        } catch (SQLException e) {
            throw database.translator().translate(operation, e);
        }
    }

    /** Runs {@code work} without an explicit transaction. */
    public <T> T read(String operation, Work<T> work) {
        try (Connection connection = database.connection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw database.translator().translate(operation, e);
        }
    }

    private <T> T writeSqlite(String operation, Connection connection, Work<T> work) throws SQLException {
        ReentrantLock lock = database.sqliteWriteLock();
        acquire(operation, lock);
        try {
            Sql.execute(connection, "BEGIN IMMEDIATE");
            try {
                T result = work.run(connection);
                Sql.execute(connection, "COMMIT");
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(connection, () -> Sql.execute(connection, "ROLLBACK"));
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    private <T> T writeWithJdbcTransaction(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            rollback(connection, connection::rollback);
            throw e;
        }
    }

    private void acquire(String operation, ReentrantLock lock) {
        try {
            if (!lock.tryLock(ConnectionPoolConfig.SQLITE_BUSY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreUnavailableException(
                        "database busy during " + operation + ": write lock wait timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the database during " + operation);
        }
    }

    @FunctionalInterface
    private interface Rollback {
        void run() throws SQLException;
    }

    /** Rolls back; a connection that cannot roll back leaves the pool rather than carry an open transaction. */
    private void rollback(Connection connection, Rollback rollback) {
        try {
            rollback.run();
        } catch (SQLException e) {
            database.evict(connection);
        }
    }

}
