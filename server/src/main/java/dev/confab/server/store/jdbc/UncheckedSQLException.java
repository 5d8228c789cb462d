package dev.confab.server.store.jdbc;

import java.sql.SQLException;

/**
 * Carries a {@link SQLException} through a port method that cannot declare it, to the store's
 * transaction boundary, which unwraps it so that {@link Transactions} translates it as usual.
 */
final class UncheckedSQLException extends RuntimeException {

    UncheckedSQLException(SQLException cause) {
        super(cause.getMessage(), cause, false, false);
    }

    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }
}
