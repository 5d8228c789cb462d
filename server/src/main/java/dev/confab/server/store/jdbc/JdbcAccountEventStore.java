package dev.confab.server.store.jdbc;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.events.AccountEventStore;
import dev.confab.server.events.EventSlice;
import dev.confab.server.events.RecordedEvent;
import java.time.Instant;
import java.util.List;

/**
 * {@link AccountEventStore} on the {@code account_events} table, written by {@link JdbcContactStore}'s
 * transactions. An account's newest seq is {@code accounts.last_event_seq}, which those transactions
 * increment in step with their inserts.
 */
public final class JdbcAccountEventStore implements AccountEventStore {

    private final Transactions transactions;

    public JdbcAccountEventStore(Database database) {
        this.transactions = new Transactions(database);
    }

    /** @throws IllegalArgumentException when {@code limit} is less than 1 */
    @Override
    public EventSlice after(AccountId account, long afterSeq, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        List<RecordedEvent> page = transactions.read("read account events", c -> Sql.query(c,
                "SELECT seq, created_at, type, data FROM account_events WHERE account_id = ? AND seq > ?"
                        + " ORDER BY seq ASC LIMIT ?",
                row -> new RecordedEvent(account, row.getLong("seq"), Instant.ofEpochMilli(row.getLong("created_at")),
                        row.getString("type"), row.getString("data")),
                account.value(), afterSeq, (long) limit + 1));
        boolean hasMore = page.size() > limit;
        return new EventSlice(List.copyOf(hasMore ? page.subList(0, limit) : page), hasMore);
    }

    @Override
    public long lastSeq(AccountId account) {
        return transactions.read("read last event seq", c -> Sql.queryFirst(c,
                "SELECT last_event_seq FROM accounts WHERE id = ?", row -> row.getLong(1), account.value()))
                .orElse(0L);
    }
}
