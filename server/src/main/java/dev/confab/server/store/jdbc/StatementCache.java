package dev.confab.server.store.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConnection;

/**
 * Prepared statements kept for reuse on each physical SQLite connection. The SQLite driver compiles a
 * statement's SQL on every {@code prepareStatement} (parsing and planning, tens of microseconds), and
 * the pool closes every statement when a connection goes back, so without this each query paid that
 * compile; under load it was a third of the append writer's time. PostgreSQL needs no such cache: its
 * driver keeps server-side prepared statements per connection by SQL text.
 *
 * <p>A statement is lent to one caller at a time ({@link #borrow} / {@link #giveBack}); a caller that
 * asks for SQL whose statement is lent out (a query issued while iterating the same query's rows) gets a
 * fresh statement it must close. A statement whose execution failed is closed rather than given back.
 * The statements of a connection die with it: keys are weak and identity-compared, so a connection the
 * pool retired drops its statements once collected. A physical connection is used by one thread at a
 * time (the pool's contract), so its map needs no locking.
 */
final class StatementCache {
    /** Distinct SQL texts kept per connection; the least recently used beyond it is closed. */
    static final int STATEMENTS_PER_CONNECTION = 256;

    private static final Cache<SQLiteConnection, Statements> BY_CONNECTION = Caffeine.newBuilder().weakKeys().build();

    private StatementCache() {
    }

    /** A prepared statement for {@code sql}, on loan from {@code owner} (null: fresh, close it after use). */
    record Lent(PreparedStatement statement, String sql, Statements owner) {
    }

    /** A statement for {@code sql} on {@code connection}, cached when the connection is SQLite's. */
    static Lent borrow(Connection connection, String sql) throws SQLException {
        if (!connection.isWrapperFor(SQLiteConnection.class)) {
            return new Lent(connection.prepareStatement(sql), sql, null);
        }
        // Prepared on the physical connection, so that the pool does not close it when the connection is
        // returned.
        SQLiteConnection physical = connection.unwrap(SQLiteConnection.class);
        Statements statements = BY_CONNECTION.get(physical, c -> new Statements());
        if (!statements.lentOut.add(sql)) {
            return new Lent(physical.prepareStatement(sql), sql, null);
        }
        try {
            PreparedStatement idle = statements.idle.remove(sql);
            return new Lent(idle != null && !idle.isClosed() ? idle : physical.prepareStatement(sql), sql, statements);
        } catch (SQLException | RuntimeException e) {
            statements.lentOut.remove(sql);
            throw e;
        }
    }

    /**
     * Ends a loan: a cached statement is kept for the next caller after a clean use and closed after a
     * failed one (quietly: the failure is what the caller reports); a fresh statement is closed.
     */
    static void giveBack(Lent lent, boolean clean) throws SQLException {
        Statements owner = lent.owner();
        if (owner != null) {
            owner.lentOut.remove(lent.sql());
            if (clean) {
                owner.idle.put(lent.sql(), lent.statement());
                return;
            }
        }
        if (clean) {
            lent.statement().close();
        } else {
            closeQuietly(lent.statement());
        }
    }

    /** Closes a statement being discarded after a failure, which is the error the caller reports. */
    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // The failure that led here is what the caller reports; the connection shows real trouble on next use.
        }
    }

    /** One connection's statements: idle ones by SQL (least recently used first) and the SQL lent out. */
    static final class Statements {
        private final Set<String> lentOut = new HashSet<>();
        private final LinkedHashMap<String, PreparedStatement> idle = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= STATEMENTS_PER_CONNECTION) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };
    }
}
