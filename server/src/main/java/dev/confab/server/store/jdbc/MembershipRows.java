package dev.confab.server.store.jdbc;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.conversations.MemberRole;
import dev.confab.server.conversations.Membership;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Statements on the {@code conversation_members} table shared by {@link JdbcMembershipStore}'s reads,
 * the writes of its transactions, {@link JdbcConversationStore} and {@link JdbcMessageStore}. Member lists
 * come owner first, then admins, then members, each by joining time (then account id).
 */
final class MembershipRows {

    private static final String COLUMNS = "account_id, role, visible_from_seq, joined_at";
    private static final String MEMBER_ORDER =
            " ORDER BY CASE role WHEN 'OWNER' THEN 0 WHEN 'ADMIN' THEN 1 ELSE 2 END, joined_at, account_id";

    private MembershipRows() {
    }

    static boolean isMember(Connection c, ConversationId conversation, AccountId account) throws SQLException {
        return Sql.queryFirst(c, "SELECT 1 FROM conversation_members WHERE conversation_id = ? AND account_id = ?",
                row -> true, conversation.value(), account.value()).isPresent();
    }

    static Optional<Membership> membership(Connection c, ConversationId conversation, AccountId account)
            throws SQLException {
        return Sql.queryFirst(c, "SELECT " + COLUMNS + " FROM conversation_members"
                        + " WHERE conversation_id = ? AND account_id = ?",
                MembershipRows::read, conversation.value(), account.value());
    }

    static List<Membership> members(Connection c, ConversationId conversation) throws SQLException {
        return Sql.query(c, "SELECT " + COLUMNS + " FROM conversation_members WHERE conversation_id = ?"
                + MEMBER_ORDER, MembershipRows::read, conversation.value());
    }

    static List<AccountId> memberIds(Connection c, ConversationId conversation) throws SQLException {
        return Sql.query(c, "SELECT account_id FROM conversation_members WHERE conversation_id = ?" + MEMBER_ORDER,
                row -> new AccountId(row.getLong(1)), conversation.value());
    }

    private static Membership read(ResultSet row) throws SQLException {
        return new Membership(new AccountId(row.getLong("account_id")), MemberRole.valueOf(row.getString("role")),
                row.getLong("visible_from_seq"), Instant.ofEpochMilli(row.getLong("joined_at")));
    }
}
