package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.errors.ConfabException;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What every dialect's {@link Transactions} must do: commit, roll back, translate failures. */
abstract class TransactionsContract extends StoreContract {

    protected abstract Database database();

    private static int insertAccount(Connection c, String username) throws SQLException {
        return Sql.update(c, "INSERT INTO accounts (username, username_lower, password_hash, created_at)"
                + " VALUES (?, ?, 'hash', 0)", username, username);
    }

    @Test
    void commitsWhatTheWorkWrote() {
        String username = uniqueName("committed");

        new Transactions(database()).write("test", c -> insertAccount(c, username));

        assertThat(stores().accounts().findByUsername(username)).isPresent();
    }

    @Test
    void rollsBackAndRethrowsWhenTheWorkThrows() {
        String username = uniqueName("rolled_back");
        ConfabException failure = new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND);

        assertThatThrownBy(() -> new Transactions(database()).write("test", c -> {
            insertAccount(c, username);
            throw failure;
        })).isSameAs(failure);

        assertThat(stores().accounts().findByUsername(username)).isEmpty();
    }

    @Test
    void reportsABrokenStatementAsABugAndStaysUsable() {
        String username = uniqueName("after_bug");
        Transactions transactions = new Transactions(database());

        assertThatThrownBy(() -> transactions.write("test", c -> {
            insertAccount(c, username);
            return Sql.update(c, "UPDATE no_such_table SET x = 1");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("during test");

        assertThat(stores().accounts().findByUsername(username)).isEmpty();
        for (int i = 0; i < 20; i++) {
            transactions.write("test", c -> insertAccount(c, uniqueName("later")));
        }
    }
}
