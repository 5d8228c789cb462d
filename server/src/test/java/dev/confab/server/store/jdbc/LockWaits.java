package dev.confab.server.store.jdbc;

/** Tells tests whether a transaction is blocked on a lock that another one holds. */
final class LockWaits {

    private LockWaits() {
    }

    /**
     * Whether a transaction on {@code database} waits for a lock: on SQLite, for this process's write
     * lock; on PostgreSQL, a backend that holds a lock on a table of the database's schema and waits for
     * another lock.
     */
    static boolean aWriterWaits(Database database) {
        if (database.dialect() == Dialect.SQLITE) {
            return database.sqliteWriteLock().hasQueuedThreads();
        }
        return new Transactions(database).read("find lock waits", c -> Sql.queryFirst(c,
                "SELECT COUNT(*) FROM pg_stat_activity a WHERE a.wait_event_type = 'Lock' AND EXISTS ("
                        + " SELECT 1 FROM pg_locks l JOIN pg_class r ON r.oid = l.relation"
                        + " JOIN pg_namespace n ON n.oid = r.relnamespace"
                        + " WHERE l.pid = a.pid AND n.nspname = current_schema())",
                row -> row.getLong(1))).orElseThrow() > 0;
    }
}
