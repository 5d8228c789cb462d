package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.errors.StoreUnavailableException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** {@link SqlExceptionTranslator}: which failures mean "unavailable", and that secrets stay out. */
class JdbcFailureTranslationTest {

    private final SqlExceptionTranslator translator = new SqlExceptionTranslator("s3cret");

    @Test
    void connectionFailuresTimeoutsAndBusyDatabasesAreUnavailable() {
        assertThat(translator.translate("op", new SQLException("refused", "08001")))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.detail()).contains("during op"));
        assertThat(translator.translate("op", new SQLException("shutting down", "57P01")))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(translator.translate("op", new SQLTransientConnectionException("pool timed out")))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(translator.translate("op", new SQLException("wrapped", null, new ConnectException("refused"))))
                .isInstanceOfSatisfying(StoreUnavailableException.class, e -> assertThat(e.detail()).contains("wrapped: refused"));
        assertThat(translator.translate("op", new SQLiteException("locked", SQLiteErrorCode.SQLITE_BUSY)))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(translator.translate("op", new SQLiteException("locked", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT)))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void otherFailuresAreBugsThatKeepTheirCause() {
        SQLException duplicate = new SQLException("duplicate key", "23505");

        RuntimeException translated = translator.translate("op", duplicate);

        assertThat(translated).isInstanceOf(IllegalStateException.class).hasCause(duplicate)
                .hasMessageContaining("23505");
        assertThat(translator.translate("op", new SQLiteException("no such table", SQLiteErrorCode.SQLITE_ERROR)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void messagesLeaveOutPasswordsAndUrlCredentials() {
        SQLException failure = new SQLException(
                "cannot reach jdbc:postgresql://bob:s3cret@db:5432/x?user=bob&password=other;", "08001");

        var translated = (dev.confab.server.errors.StoreUnavailableException) translator.translate("op", failure);
        String message = translated.detail();
        assertThat(translated.getMessage()).as("clients see only the standard message")
                .isEqualTo(dev.confab.protocol.ErrorCode.UNAVAILABLE.defaultMessage());

        assertThat(message).doesNotContain("s3cret", "other", "bob:").contains("jdbc:postgresql://db:5432/x");
    }
}
