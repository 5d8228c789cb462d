package dev.confab.server.store.jdbc;

import dev.confab.server.accounts.AccountId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Statements on the {@code friendships} and {@code blocks} tables shared by {@link JdbcContactStore}'s
 * reads and the writes of its transactions. A friendship is two rows, one per direction, so checking one
 * direction suffices.
 */
final class ContactRows {

    private ContactRows() {
    }

    static boolean areFriends(Connection c, AccountId a, AccountId b) throws SQLException {
        return Sql.queryFirst(c, "SELECT 1 FROM friendships WHERE account_id = ? AND friend_id = ?",
                row -> true, a.value(), b.value()).isPresent();
    }

    static boolean isBlocked(Connection c, AccountId blocker, AccountId blocked) throws SQLException {
        return Sql.queryFirst(c, "SELECT 1 FROM blocks WHERE blocker_id = ? AND blocked_id = ?",
                row -> true, blocker.value(), blocked.value()).isPresent();
    }

    /** The account's friends, oldest friendship first. */
    static List<AccountId> friendIds(Connection c, AccountId account) throws SQLException {
        return Sql.query(c, "SELECT friend_id FROM friendships WHERE account_id = ? ORDER BY created_at, friend_id",
                row -> new AccountId(row.getLong(1)), account.value());
    }
}
