package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.errors.StoreUnavailableException;
import dev.confab.server.testing.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Database} on PostgreSQL: schema handling, reachability, pool exhaustion. */
class JdbcDatabasePostgresTest {

    private DatabaseSettings settings;

    @BeforeEach
    void freshSchema() {
        DatabaseSettings base = TestDatabases.postgres();
        settings = new DatabaseSettings(base.jdbcUrl(), base.user(), base.password(), 1, null,
                Duration.ofMillis(500), base.schema());
    }

    @AfterEach
    void dropSchema() {
        if (settings != null) {
            TestDatabases.dropSchema(settings);
        }
    }

    @Test
    void createsTheSchemaAndKeepsTheTablesInIt() {
        try (Database database = Database.open(settings)) {
            assertThat(database.dialect()).isEqualTo(Dialect.POSTGRESQL);
            String currentSchema = new Transactions(database).read("test", c -> Sql.queryFirst(c,
                    "SELECT current_schema()", row -> row.getString(1))).orElseThrow();
            long tables = new Transactions(database).read("test", c -> Sql.queryFirst(c,
                    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name IN"
                            + " ('accounts', 'sessions', 'conversations', 'conversation_members', 'messages',"
                            + " 'friend_requests', 'friendships', 'blocks', 'account_events')",
                    row -> row.getLong(1), settings.schema())).orElseThrow();
            assertThat(currentSchema).isEqualTo(settings.schema());
            assertThat(tables).isEqualTo(9);
        }
        try (Database reopened = Database.open(settings)) {
            assertThat(reopened.isReachable()).isTrue();
        }
    }

    @Test
    void reportsAnExhaustedPoolAsUnavailable() throws InterruptedException {
        try (Database database = Database.open(settings);
             ConnectionHolder ignored = new ConnectionHolder(database)) {
            assertThatThrownBy(() -> new JdbcAccountStore(database).findById(new AccountId(1)))
                    .isInstanceOf(StoreUnavailableException.class);
        }
    }
}
