package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.server.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StatementCache} through {@link Sql} on SQLite: reuse, and the ways reuse could go wrong. */
class StatementCacheTest {
    private static final String SELECT_ALL = "SELECT v FROM cache_probe ORDER BY v";

    @TempDir
    Path dir;
    private Database database;

    @BeforeEach
    void open() throws SQLException {
        database = Database.open(TestDatabases.sqlite(dir));
        try (Connection c = database.connection()) {
            Sql.execute(c, "CREATE TABLE cache_probe (v INTEGER PRIMARY KEY)");
            Sql.update(c, "INSERT INTO cache_probe (v) VALUES (1), (2), (3)");
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void theSameSqlOnTheSameConnectionReusesOneStatementAcrossPoolLoans() throws SQLException {
        PreparedStatement first;
        try (Connection c = database.connection()) {
            StatementCache.Lent lent = StatementCache.borrow(c, SELECT_ALL);
            first = lent.statement();
            StatementCache.giveBack(lent, true);
        }
        // Every connection of the pool gets a turn, so one of them is the physical connection used above.
        boolean reused = false;
        for (int i = 0; i < database.poolSize() * 2 && !reused; i++) {
            try (Connection c = database.connection()) {
                StatementCache.Lent lent = StatementCache.borrow(c, SELECT_ALL);
                reused = lent.statement() == first;
                assertThat(Sql.query(c, SELECT_ALL, row -> row.getLong(1))).isNotNull();
                StatementCache.giveBack(lent, true);
            }
        }
        assertThat(reused).isTrue();
        assertThat(first.isClosed()).isFalse();
    }

    @Test
    void aPartlyReadQueryHoldsNoSnapshotOpen() throws SQLException {
        try (Connection reader = database.connection(); Connection writer = database.connection()) {
            assertThat(Sql.queryFirst(reader, SELECT_ALL, row -> row.getLong(1))).contains(1L);

            Sql.update(writer, "INSERT INTO cache_probe (v) VALUES (4)");

            // Had the first query's statement been left unreset, this connection would still read its old snapshot.
            assertThat(Sql.query(reader, "SELECT COUNT(*) FROM cache_probe", row -> row.getLong(1))).containsExactly(4L);
            assertThat(Sql.query(reader, SELECT_ALL, row -> row.getLong(1))).containsExactly(1L, 2L, 3L, 4L);
        }
    }

    @Test
    void theSameQueryRunInsideItsOwnRowsGetsAStatementOfItsOwn() throws SQLException {
        try (Connection c = database.connection()) {
            List<List<Long>> nested = Sql.query(c, SELECT_ALL, row -> Sql.query(c, SELECT_ALL, inner -> inner.getLong(1)));

            assertThat(nested).hasSize(3).allSatisfy(rows -> assertThat(rows).containsExactly(1L, 2L, 3L));
            assertThat(Sql.query(c, SELECT_ALL, row -> row.getLong(1))).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void aFailedStatementIsDiscardedAndTheSqlWorksAgain() throws SQLException {
        String insert = "INSERT INTO cache_probe (v) VALUES (?)";
        try (Connection c = database.connection()) {
            assertThatThrownBy(() -> Sql.update(c, insert, 1L)).isInstanceOf(SQLException.class);

            assertThat(Sql.update(c, insert, 5L)).isEqualTo(1);
            assertThat(Sql.query(c, SELECT_ALL, row -> row.getLong(1))).containsExactly(1L, 2L, 3L, 5L);
        }
    }

    @Test
    void parametersOfAnEarlierUseDoNotLeakIntoTheNext() throws SQLException {
        String byValue = "SELECT v FROM cache_probe WHERE v = ? OR v = ?";
        try (Connection c = database.connection()) {
            assertThat(Sql.query(c, byValue, row -> row.getLong(1), 1L, 2L)).containsExactlyInAnyOrder(1L, 2L);
            assertThat(Sql.query(c, byValue, row -> row.getLong(1), 3L, null)).containsExactly(3L);
        }
    }
}
