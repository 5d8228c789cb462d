package dev.confab.server.store.jdbc;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.BulkAccountStore;
import dev.confab.server.accounts.SessionId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@link BulkAccountStore} on the {@code accounts} and {@code sessions} tables, with multi-row statements of
 * at most {@value #ROWS_PER_STATEMENT} rows (well below both dialects' limits on parameters):
 *
 * <ol>
 *   <li>{@code INSERT ... ON CONFLICT (username_lower) DO NOTHING RETURNING} for the accounts, then one
 *       {@code SELECT ... WHERE username_lower IN} for the names that were taken already;</li>
 *   <li>on PostgreSQL, the accounts' rows locked {@code FOR NO KEY UPDATE} in id order, the same lock
 *       {@link JdbcSessionStore#create} takes, so logins of these accounts wait and two bulk calls cannot
 *       deadlock (SQLite's write transaction is serial already);</li>
 *   <li>the sessions the new ones replace read, then deleted by id, and the new sessions inserted.</li>
 * </ol>
 */
public final class JdbcBulkAccountStore implements BulkAccountStore {

    static final int ROWS_PER_STATEMENT = 500;

    private final Transactions transactions;
    private final Dialect dialect;

    public JdbcBulkAccountStore(Database database) {
        this.transactions = new Transactions(database);
        this.dialect = database.dialect();
    }

    @Override
    public Result provision(Batch batch) {
        List<Seat> seats = batch.seats();
        List<String> lowers = new ArrayList<>(seats.size());
        Set<String> distinct = new HashSet<>();
        for (Seat seat : seats) {
            String lower = lower(seat.username());
            if (!distinct.add(lower)) {
                throw new IllegalArgumentException("two seats are named " + lower);
            }
            lowers.add(lower);
        }
        if (seats.isEmpty()) {
            return new Result(List.of(), List.of());
        }
        return transactions.write("provision accounts", c -> {
            Map<String, Seated> accounts = createOrFind(c, batch, lowers);
            List<Seated> inOrder = lowers.stream().map(accounts::get).toList();
            List<Long> ids = inOrder.stream().map(a -> a.id().value()).toList();
            lockAccounts(c, ids);
            List<SessionId> replaced = removeReplaced(c, batch, inOrder);
            insertSessions(c, batch, ids);
            return new Result(inOrder, replaced);
        });
    }

    /** Every seat's account by lower-cased name: created now, or found. */
    private Map<String, Seated> createOrFind(Connection c, Batch batch, List<String> lowers) throws SQLException {
        Map<String, Seated> accounts = new HashMap<>();
        List<Seat> seats = batch.seats();
        long createdAt = batch.now().toEpochMilli();
        for (int from = 0; from < seats.size(); from += ROWS_PER_STATEMENT) {
            int to = Math.min(seats.size(), from + ROWS_PER_STATEMENT);
            List<Object> values = new ArrayList<>();
            for (int i = from; i < to; i++) {
                values.add(seats.get(i).username());
                values.add(lowers.get(i));
                values.add(batch.passwordHash());
                values.add(createdAt);
            }
            Map<String, String> requested = new HashMap<>();
            for (int i = from; i < to; i++) {
                requested.put(lowers.get(i), seats.get(i).username());
            }
            for (var created : Sql.query(c, "INSERT INTO accounts (username, username_lower, password_hash, created_at)"
                            + " VALUES " + rows(to - from, 4) + " ON CONFLICT (username_lower) DO NOTHING"
                            + " RETURNING id, username_lower",
                    row -> Map.entry(row.getString(2), row.getLong(1)), values.toArray())) {
                accounts.put(created.getKey(), new Seated(new AccountId(created.getValue()),
                        requested.get(created.getKey()), true));
            }
        }
        List<Object> taken = lowers.stream().filter(l -> !accounts.containsKey(l)).map(l -> (Object) l).toList();
        for (int from = 0; from < taken.size(); from += ROWS_PER_STATEMENT) {
            List<Object> chunk = taken.subList(from, Math.min(taken.size(), from + ROWS_PER_STATEMENT));
            for (var found : Sql.query(c, "SELECT id, username, username_lower FROM accounts WHERE username_lower IN ("
                            + Sql.placeholders(chunk.size()) + ")",
                    row -> new Object[] {row.getLong(1), row.getString(2), row.getString(3)}, chunk.toArray())) {
                accounts.put((String) found[2], new Seated(new AccountId((Long) found[0]), (String) found[1], false));
            }
        }
        for (String lower : lowers) {
            if (!accounts.containsKey(lower)) {
                throw new IllegalStateException("account " + lower + " was neither created nor found");
            }
        }
        return accounts;
    }

    private void lockAccounts(Connection c, List<Long> ids) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        List<Object> sorted = ids.stream().sorted().map(id -> (Object) id).toList();
        for (int from = 0; from < sorted.size(); from += ROWS_PER_STATEMENT) {
            List<Object> chunk = sorted.subList(from, Math.min(sorted.size(), from + ROWS_PER_STATEMENT));
            Sql.query(c, "SELECT id FROM accounts WHERE id IN (" + Sql.placeholders(chunk.size())
                    + ") ORDER BY id FOR NO KEY UPDATE", row -> row.getLong(1), chunk.toArray());
        }
    }

    /**
     * Deletes the sessions of reused accounts that the new ones replace: the one on the seat's device, or
     * every one with {@code replaceAll}. Accounts created in this transaction have none.
     */
    private List<SessionId> removeReplaced(Connection c, Batch batch, List<Seated> accounts) throws SQLException {
        Map<Long, String> deviceOfReused = new HashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            if (!accounts.get(i).created()) {
                deviceOfReused.put(accounts.get(i).id().value(), batch.seats().get(i).deviceId());
            }
        }
        List<Object> reused = deviceOfReused.keySet().stream().sorted().map(id -> (Object) id).toList();
        List<SessionId> replaced = new ArrayList<>();
        for (int from = 0; from < reused.size(); from += ROWS_PER_STATEMENT) {
            List<Object> chunk = reused.subList(from, Math.min(reused.size(), from + ROWS_PER_STATEMENT));
            for (Object[] session : Sql.query(c, "SELECT id, account_id, device_id FROM sessions WHERE account_id IN ("
                            + Sql.placeholders(chunk.size()) + ") ORDER BY account_id, id",
                    row -> new Object[] {row.getString(1), row.getLong(2), row.getString(3)}, chunk.toArray())) {
                if (batch.replaceAll() || session[2].equals(deviceOfReused.get((Long) session[1]))) {
                    replaced.add(new SessionId((String) session[0]));
                }
            }
        }
        for (int from = 0; from < replaced.size(); from += ROWS_PER_STATEMENT) {
            List<SessionId> chunk = replaced.subList(from, Math.min(replaced.size(), from + ROWS_PER_STATEMENT));
            Sql.update(c, "DELETE FROM sessions WHERE id IN (" + Sql.placeholders(chunk.size()) + ")",
                    chunk.stream().map(id -> (Object) id.value()).toArray());
        }
        return replaced;
    }

    private void insertSessions(Connection c, Batch batch, List<Long> accountIds) throws SQLException {
        List<Seat> seats = batch.seats();
        long now = batch.now().toEpochMilli();
        long expires = batch.sessionExpiresAt().toEpochMilli();
        for (int from = 0; from < seats.size(); from += ROWS_PER_STATEMENT) {
            int to = Math.min(seats.size(), from + ROWS_PER_STATEMENT);
            List<Object> values = new ArrayList<>();
            for (int i = from; i < to; i++) {
                Seat seat = seats.get(i);
                values.add(seat.sessionId().value());
                values.add(accountIds.get(i));
                values.add(seat.deviceId());
                values.add(batch.deviceName());
                values.add(seat.tokenHash());
                values.add(now);
                values.add(now);
                values.add(expires);
            }
            Sql.update(c, "INSERT INTO sessions (id, account_id, device_id, device_name, token_hash, created_at,"
                    + " last_used_at, expires_at) VALUES " + rows(to - from, 8), values.toArray());
        }
    }

    /** {@code count} rows of {@code columns} placeholders each, for a multi-row VALUES list. */
    private static String rows(int count, int columns) {
        String row = "(" + Sql.placeholders(columns) + ")";
        return String.join(", ", java.util.Collections.nCopies(count, row));
    }

    private static String lower(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
