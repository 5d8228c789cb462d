package dev.confab.server.store.jdbc;

import java.sql.SQLException;

/**
 * The guard shared by objects handed to work inside one transaction (contact and membership writes):
 * they may be used only until the transaction ends, and their SQL failures travel as
 * {@link UncheckedSQLException} to the transaction runner, which translates them.
 */
final class TransactionBound {
    private final String what;
    private boolean closed;

    TransactionBound(String what) {
        this.what = what;
    }

    /** A piece of SQL work. */
    @FunctionalInterface
    interface SqlCall<T> {
        T run() throws SQLException;
    }

    <T> T run(SqlCall<T> call) {
        requireOpen();
        try {
            return call.run();
        } catch (SQLException e) {
            throw new UncheckedSQLException(e);
        }
    }

    void requireOpen() {
        if (closed) {
            throw new IllegalStateException(what + " used outside the transaction they belong to");
        }
    }

    /** Ends validity; the transaction is about to commit or roll back. */
    void close() {
        closed = true;
    }
}
