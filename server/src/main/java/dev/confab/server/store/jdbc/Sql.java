package dev.confab.server.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Parameterised statements on a connection the caller owns. Parameters are bound in order; a Java
 * {@code null} binds SQL NULL. Values are {@link String}, {@link Long}, {@link Integer}, {@link Boolean} (a
 * PostgreSQL BOOLEAN, a SQLite INTEGER 0 or 1), {@code byte[]} or a {@link java.sql.Array} (PostgreSQL).
 */
final class Sql {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        return run(connection, sql, parameters, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        });
    }

    /** The first row's mapping, or empty when there is no row. */
    static <T> Optional<T> queryFirst(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        return run(connection, sql, parameters, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
            }
        });
    }

    /** Runs an INSERT, UPDATE or DELETE without RETURNING; returns the number of rows it changed. */
    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        return run(connection, sql, parameters, PreparedStatement::executeUpdate);
    }

    /** Runs a statement without parameters or results, such as {@code SAVEPOINT} or {@code COMMIT}. */
    static void execute(Connection connection, String sql) throws SQLException {
        run(connection, sql, new Object[0], PreparedStatement::execute);
    }

    /** {@code count} comma-separated placeholders, for an IN list. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    @FunctionalInterface
    private interface Execution<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    /** Binds and runs on a statement from {@link StatementCache}, giving it back after a clean run. */
    private static <T> T run(Connection connection, String sql, Object[] parameters, Execution<T> execution)
            throws SQLException {
        StatementCache.Lent lent = StatementCache.borrow(connection, sql);
        boolean clean = false;
        try {
            PreparedStatement statement = lent.statement();
            for (int i = 0; i < parameters.length; i++) {
                bind(statement, i + 1, parameters[i]);
            }
            T result = execution.run(statement);
            clean = true;
            return result;
        } finally {
            StatementCache.giveBack(lent, clean);
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, Types.NULL);
            case String text -> statement.setString(index, text);
            case Long number -> statement.setLong(index, number);
            case Integer number -> statement.setInt(index, number);
            case Boolean flag -> statement.setBoolean(index, flag);
            case byte[] bytes -> statement.setBytes(index, bytes);
            case java.sql.Array array -> statement.setArray(index, array);
            default -> throw new IllegalArgumentException("unsupported parameter type " + value.getClass().getName());
        }
    }
}
