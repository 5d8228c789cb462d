package dev.confab.server.store.jdbc;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.events.RecordedEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The events one contact transaction recorded, appended to their recipients' logs when its work is done.
 * {@link #append} takes each recipient's seqs with one increment of {@code accounts.last_event_seq},
 * recipients in ascending id order: the row locks this takes (held until commit, which is what keeps
 * seqs gap-free) are then acquired in the same order by every transaction, so two transactions that
 * record for the same accounts queue instead of deadlocking. Not thread-safe.
 */
final class PendingEvents {

    private record Pending(int position, String type, String data) {
    }

    private final Map<Long, List<Pending>> byRecipient = new TreeMap<>();
    private int count;

    void add(AccountId recipient, String type, String data) {
        byRecipient.computeIfAbsent(recipient.value(), id -> new ArrayList<>()).add(new Pending(count++, type, data));
    }

    /**
     * Stores the events and returns them in the order they were added, all at time {@code at}.
     *
     * @throws IllegalArgumentException when a recipient account does not exist
     */
    List<RecordedEvent> append(Connection c, Instant at) throws SQLException {
        RecordedEvent[] recorded = new RecordedEvent[count];
        for (Map.Entry<Long, List<Pending>> entry : byRecipient.entrySet()) {
            AccountId recipient = new AccountId(entry.getKey());
            List<Pending> events = entry.getValue();
            long last = Sql.queryFirst(c, "UPDATE accounts SET last_event_seq = last_event_seq + ? WHERE id = ?"
                            + " RETURNING last_event_seq",
                            row -> row.getLong(1), (long) events.size(), recipient.value())
                    .orElseThrow(() -> new IllegalArgumentException("no account " + recipient));
            long seq = last - events.size();
            for (Pending event : events) {
                seq++;
                Sql.update(c, "INSERT INTO account_events (account_id, seq, type, data, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)", recipient.value(), seq, event.type(), event.data(), at.toEpochMilli());
                recorded[event.position()] = new RecordedEvent(recipient, seq, at, event.type(), event.data());
            }
        }
        byRecipient.clear();
        count = 0;
        return List.of(recorded);
    }
}
