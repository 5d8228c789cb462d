package dev.confab.server.store.jdbc;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.conversations.ConversationKind;
import dev.confab.server.conversations.ConversationSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The query behind {@link JdbcConversationStore#listFor}: per membership, the DIRECT peer and the
 * unread count (others' messages after the read position that are not withheld) by correlated subqueries
 * and the last message, as stored, by its (conversation, seq) key.
 * {@link #FIRST_PAGE} takes the member's account id and the row limit; {@link #NEXT_PAGE} takes the
 * account id, the position's update time twice and id (keyset paging), and the row limit.
 */
final class ConversationSummaryRows {

    private static final String SELECT = "SELECT c.id, c.kind, c.last_seq, c.updated_at, me.read_seq,"
            + " CASE WHEN c.kind = 'DIRECT' THEN (SELECT MIN(p.account_id) FROM conversation_members p"
            + "   WHERE p.conversation_id = c.id AND p.account_id <> me.account_id) END AS peer_id,"
            + " (SELECT COUNT(*) FROM messages u WHERE u.conversation_id = c.id AND u.seq > me.read_seq"
            + "   AND u.sender_id <> me.account_id AND NOT u.withheld) AS unread, "
            + MessageRows.columns("lm", "lm_")
            + " FROM conversation_members me"
            + " JOIN conversations c ON c.id = me.conversation_id"
            + " LEFT JOIN messages lm ON lm.conversation_id = c.id AND lm.seq = c.last_seq"
            + " WHERE me.account_id = ?";
    private static final String ORDER = " ORDER BY c.updated_at DESC, c.id DESC LIMIT ?";

    static final String FIRST_PAGE = SELECT + ORDER;
    static final String NEXT_PAGE = SELECT + " AND (c.updated_at < ? OR (c.updated_at = ? AND c.id < ?))" + ORDER;

    private ConversationSummaryRows() {
    }

    static ConversationSummary read(ResultSet row) throws SQLException {
        long peer = row.getLong("peer_id");
        AccountId peerId = row.wasNull() ? null : new AccountId(peer);
        row.getLong("lm_id");
        boolean hasLastMessage = !row.wasNull();
        return new ConversationSummary(new ConversationId(row.getLong("id")),
                ConversationKind.valueOf(row.getString("kind")), peerId, row.getLong("last_seq"),
                row.getLong("read_seq"), row.getLong("unread"),
                hasLastMessage ? MessageRows.read(row, "lm_") : null,
                Instant.ofEpochMilli(row.getLong("updated_at")));
    }
}
