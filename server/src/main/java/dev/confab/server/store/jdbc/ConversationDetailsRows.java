package dev.confab.server.store.jdbc;

import dev.confab.server.conversations.ConversationDetails;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.conversations.ConversationKind;
import dev.confab.server.conversations.ConversationSettings;
import dev.confab.server.conversations.HistoryVisibility;
import dev.confab.server.conversations.InvitePolicy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Selects and reads {@link ConversationDetails} from the {@code conversations} table, for groups and
 * rooms only: {@link #SELECT} ends in a WHERE clause that leaves DIRECT conversations out, to be
 * continued with {@code AND ...}.
 */
final class ConversationDetailsRows {

    static final String SELECT = "SELECT id, kind, alias, title, description, avatar, topic, invite_policy,"
            + " history_visibility, history_last_n, capacity, member_count, last_seq, min_seq, created_at,"
            + " disbanded_at, retention_max_messages, retention_max_age_ms FROM conversations WHERE kind <> 'DIRECT'";

    private ConversationDetailsRows() {
    }

    /** The group or room {@code id}; {@code lockClause} ({@code ""} or a row lock clause) ends the query. */
    static Optional<ConversationDetails> find(Connection c, ConversationId id, String lockClause)
            throws SQLException {
        return Sql.queryFirst(c, SELECT + " AND id = ?" + lockClause, ConversationDetailsRows::read, id.value());
    }

    static ConversationDetails read(ResultSet row) throws SQLException {
        ConversationSettings settings = new ConversationSettings(row.getString("title"),
                row.getString("description"), row.getString("avatar"), row.getString("topic"),
                InvitePolicy.valueOf(row.getString("invite_policy")),
                HistoryVisibility.valueOf(row.getString("history_visibility")), row.getInt("history_last_n"),
                row.getInt("capacity"), row.getInt("retention_max_messages"),
                java.time.Duration.ofMillis(row.getLong("retention_max_age_ms")));
        long disbanded = row.getLong("disbanded_at");
        Instant disbandedAt = row.wasNull() ? null : Instant.ofEpochMilli(disbanded);
        return new ConversationDetails(new ConversationId(row.getLong("id")),
                ConversationKind.valueOf(row.getString("kind")), row.getString("alias"), settings,
                row.getInt("member_count"), row.getLong("last_seq"), row.getLong("min_seq"),
                Instant.ofEpochMilli(row.getLong("created_at")), disbandedAt);
    }
}
