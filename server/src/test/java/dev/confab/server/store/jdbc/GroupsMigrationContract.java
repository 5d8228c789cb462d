package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.conversations.MemberRole;
import dev.confab.server.conversations.Membership;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The groups and rooms migration (V3) on a database holding data from before it: direct conversations
 * get their member count and capacity, their members plain roles, and keep working.
 */
abstract class GroupsMigrationContract {

    private static final long CREATED = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();

    /** Settings of a database no one has opened yet. */
    protected abstract DatabaseSettings settings();

    @Test
    void backfillsDirectConversationsStoredBeforeIt() throws SQLException {
        DatabaseSettings settings = settings();
        Flyway before = migrationsUpToV2(settings);
        long alice;
        long bob;
        long carol;
        long direct;
        try (Connection c = before.getConfiguration().getDataSource().getConnection()) {
            if (settings.schema() != null) {
                Sql.queryFirst(c, "SELECT set_config('search_path', ?, false)", row -> true, settings.schema());
            }
            alice = insertAccount(c, "alice");
            bob = insertAccount(c, "bob");
            carol = insertAccount(c, "carol");
            direct = Sql.queryFirst(c, "INSERT INTO conversations (kind, direct_key, last_seq, created_at, updated_at)"
                    + " VALUES ('DIRECT', ?, 1, ?, ?) RETURNING id", row -> row.getLong(1), alice + ":" + bob,
                    CREATED, CREATED).orElseThrow();
            for (long member : List.of(alice, bob)) {
                Sql.update(c, "INSERT INTO conversation_members (conversation_id, account_id, read_seq, joined_at)"
                        + " VALUES (?, ?, 0, ?)", direct, member, CREATED);
            }
            Sql.update(c, "INSERT INTO messages (conversation_id, seq, sender_id, sender_device_id, client_message_id,"
                    + " content_type, body, sent_at) VALUES (?, 1, ?, 'd', 'c1', 'text/plain', 'hi', ?)",
                    direct, alice, CREATED);
        }

        try (Database database = Database.open(settings)) {
            ConversationId migrated = new ConversationId(direct);
            ConversationId created = new JdbcConversationStore(database)
                    .findOrCreateDirect(new AccountId(alice), new AccountId(carol));

            assertThat(countsAndDefaults(database, migrated)).containsExactly(2L, 2L, 1L, 0L, 0L);
            assertThat(countsAndDefaults(database, created)).containsExactly(2L, 2L, 1L, 0L, 0L);
            assertThat(new JdbcMembershipStore(database).members(migrated)).containsExactly(
                    new Membership(new AccountId(alice), MemberRole.MEMBER, 1, Instant.ofEpochMilli(CREATED)),
                    new Membership(new AccountId(bob), MemberRole.MEMBER, 1, Instant.ofEpochMilli(CREATED)));
            assertThat(new JdbcMessageStore(database).append(StoreContract.message(migrated, new AccountId(bob), "c2",
                    Instant.ofEpochMilli(CREATED))).message().seq()).isEqualTo(2);
        }
    }

    private static Flyway migrationsUpToV2(DatabaseSettings settings) {
        var configuration = Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations(settings.dialect().migrations())
                .target("2");
        if (settings.schema() != null) {
            configuration.schemas(settings.schema()).createSchemas(true);
        }
        Flyway flyway = configuration.load();
        flyway.migrate();
        return flyway;
    }

    private static long insertAccount(Connection c, String username) throws SQLException {
        return Sql.queryFirst(c, "INSERT INTO accounts (username, username_lower, password_hash, created_at)"
                + " VALUES (?, ?, 'hash', ?) RETURNING id", row -> row.getLong(1), username, username, CREATED)
                .orElseThrow();
    }

    /**
     * Member count, capacity, min seq, and how many of the group settings differ from their defaults or
     * are set (0 and 0 when all are as they should be for a direct conversation).
     */
    private static List<Long> countsAndDefaults(Database database, ConversationId conversation) {
        return new Transactions(database).read("check", c -> Sql.queryFirst(c, "SELECT member_count, capacity,"
                        + " min_seq, CASE WHEN invite_policy = 'ADMINS' AND history_visibility = 'ALL'"
                        + " AND history_last_n = 0 THEN 0 ELSE 1 END,"
                        + " CASE WHEN COALESCE(title, alias, alias_lower, topic) IS NULL AND disbanded_at IS NULL"
                        + " THEN 0 ELSE 1 END FROM conversations WHERE id = ?",
                row -> List.of(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)),
                conversation.value())).orElseThrow();
    }
}
