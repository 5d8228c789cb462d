package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.errors.StoreUnavailableException;
import dev.confab.server.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Database} on SQLite, and what holds for any dialect without a server. */
class JdbcDatabaseTest {

    @TempDir
    Path dir;

    private static DatabaseSettings sqliteAt(Path file, String synchronous, int poolSize, Duration timeout) {
        return new DatabaseSettings("jdbc:sqlite:" + file, null, null, poolSize, synchronous, timeout, null);
    }

    private static String pragma(Database database, String name) throws SQLException {
        try (Connection c = database.connection(); Statement statement = c.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void createsTheDirectoryAndConfiguresSqliteConnections() throws SQLException {
        Path file = dir.resolve("nested/deeper/confab.db");

        try (Database database = Database.open(sqliteAt(file, "NORMAL", 2, null))) {
            assertThat(Files.exists(file)).isTrue();
            assertThat(database.dialect()).isEqualTo(Dialect.SQLITE);
            assertThat(pragma(database, "journal_mode")).isEqualToIgnoringCase("wal");
            assertThat(pragma(database, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(database, "synchronous")).isEqualTo("1");
            assertThat(pragma(database, "busy_timeout")).isEqualTo("30000");
        }
        try (Database database = Database.open(TestDatabases.sqlite(dir))) {
            assertThat(pragma(database, "synchronous")).isEqualTo("2");
        }
    }

    @Test
    void reopeningKeepsDataAndSchema() {
        DatabaseSettings settings = TestDatabases.sqlite(dir);
        AccountId id;
        try (Database database = Database.open(settings)) {
            id = new JdbcAccountStore(database).create(StoreContract.newAccountInput("keeper")).id();
        }
        try (Database database = Database.open(settings)) {
            assertThat(new JdbcAccountStore(database).findById(id)).isPresent();
        }
    }

    @Test
    void isReachableUntilClosed() {
        Database database = Database.open(TestDatabases.sqlite(dir));
        assertThat(database.isReachable()).isTrue();

        database.close();

        assertThat(database.isReachable()).isFalse();
    }

    @Test
    void reportsAnExhaustedPoolAsUnavailable() throws InterruptedException {
        try (Database database = Database.open(sqliteAt(dir.resolve("db"), null, 1, Duration.ofMillis(250)));
             ConnectionHolder ignored = new ConnectionHolder(database)) {
            assertThatThrownBy(() -> new JdbcAccountStore(database).findById(new AccountId(1)))
                    .isInstanceOfSatisfying(StoreUnavailableException.class, e ->
                            assertThat(e.detail()).contains("database unavailable during find account"));
        }
    }

    @Test
    void reportsAnUnreachableServerAsUnavailableWithoutCredentials() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/test?password=s3cret",
                "someone", "s3cret", 2, null, Duration.ofSeconds(1), null);

        assertThatThrownBy(() -> Database.open(settings))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e ->
                        assertThat(e.detail()).contains("database unavailable").doesNotContain("s3cret"))
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void settingsValidateAndHideThePassword() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db/confab?password=s3cret", "confab",
                "s3cret", 4, null, null, "tenant_1");

        assertThat(settings.toString()).doesNotContain("s3cret").contains("confab", "tenant_1");
        assertThat(settings.sqliteSynchronous()).isEqualTo("FULL");
        assertThat(settings.connectionTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:mysql://db/x", null, null, 1, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:sqlite:x.db", null, null, 0, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:sqlite:x.db", null, null, 1, "OFF", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:sqlite:x.db", null, null, 1, null, null, "a\"; drop"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:sqlite::memory:", null, null, 1, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
