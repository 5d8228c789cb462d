package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.server.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GroupCommit} on SQLite with a table of its own: an item that fails leaves none of its writes,
 * whether it ran alone (no savepoint) or shared a batch with others (its savepoint), and the others of
 * its batch commit.
 */
class GroupCommitTest {
    private static final RuntimeException REFUSED = new IllegalArgumentException("refused");

    @TempDir
    Path dir;

    /** Writes the value, then refuses negative ones, so a refused item has written something to undo. */
    private static Long insert(java.sql.Connection c, Long value) throws java.sql.SQLException {
        Sql.update(c, "INSERT INTO group_commit_items (value) VALUES (?)", value);
        if (value < 0) {
            throw REFUSED;
        }
        return value;
    }

    @Test
    void aFailedItemLeavesNothingAloneOrInABatch() throws Exception {
        try (Database database = Database.open(TestDatabases.sqlite(dir))) {
            Transactions transactions = new Transactions(database);
            transactions.write("create", c -> Sql.update(c, "CREATE TABLE group_commit_items (value INTEGER NOT NULL)"));
            try (GroupCommit<Long, Long> commit = new GroupCommit<>(transactions, "test item", GroupCommitTest::insert,
                    v -> 0, 64, 1)) {
                // Alone: nothing else is queued.
                assertThat(commit.write(1L)).isEqualTo(1L);
                assertThatThrownBy(() -> commit.write(-1L)).isSameAs(REFUSED);

                // Concurrent: items share batches, refused ones among them.
                List<Future<Long>> results = new ArrayList<>();
                try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (long v = 2; v <= 400; v++) {
                        long value = v % 5 == 0 ? -v : v;
                        results.add(senders.submit(() -> commit.write(value)));
                    }
                }
                long refused = results.stream().filter(f -> f.state() == Future.State.FAILED).count();
                assertThat(refused).isEqualTo(80);
                assertThat(results).filteredOn(f -> f.state() == Future.State.FAILED)
                        .allSatisfy(f -> assertThat(f.exceptionNow()).isSameAs(REFUSED));
            }
            List<Long> stored = transactions.read("read", c -> Sql.query(c,
                    "SELECT value FROM group_commit_items ORDER BY value", row -> row.getLong(1)));
            List<Long> expected = new ArrayList<>();
            for (long v = 1; v <= 400; v++) {
                if (v == 1 || v % 5 != 0) {
                    expected.add(v);
                }
            }
            assertThat(stored).containsExactlyElementsOf(expected);
        }
    }
}
