package dev.confab.server.store.jdbc;

import dev.confab.server.accounts.Account;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AccountStore;
import dev.confab.server.accounts.NewAccount;
import dev.confab.server.accounts.UsernameTakenException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link AccountStore} on the {@code accounts} table. Case-insensitive uniqueness is the unique index on
 * {@code username_lower}, the username lower-cased in the root locale. Email and phone lookups compare
 * exactly, as stored; they are indexed but not unique. Profile fields are written by
 * {@link JdbcContactStore}, together with the events that announce the change.
 */
public final class JdbcAccountStore implements AccountStore {

    private static final String COLUMNS =
            "id, username, display_name, avatar, email, phone, findable_by_email, findable_by_phone, password_hash,"
                    + " created_at, last_seen_at";
    /** Ids per IN list: well below every dialect's limit on statement parameters. */
    private static final int IDS_PER_QUERY = 500;

    private final Transactions transactions;

    public JdbcAccountStore(Database database) {
        this.transactions = new Transactions(database);
    }

    @Override
    public Account create(NewAccount account) {
        long createdAt = account.createdAt().toEpochMilli();
        Optional<Long> id = transactions.write("create account", c -> Sql.queryFirst(c,
                "INSERT INTO accounts (username, username_lower, display_name, email, phone, password_hash, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username_lower) DO NOTHING RETURNING id",
                row -> row.getLong(1),
                account.username(), lower(account.username()), account.displayName(), account.email(),
                account.phone(), account.passwordHash(), createdAt));
        return new Account(new AccountId(id.orElseThrow(UsernameTakenException::new)), account.username(),
                account.displayName(), null, account.email(), account.phone(), true, true, account.passwordHash(),
                Instant.ofEpochMilli(createdAt), null);
    }

    @Override
    public Optional<Account> findById(AccountId id) {
        return transactions.read("find account", c -> Sql.queryFirst(c,
                "SELECT " + COLUMNS + " FROM accounts WHERE id = ?", JdbcAccountStore::read, id.value()));
    }

    @Override
    public Optional<Account> findByUsername(String username) {
        return transactions.read("find account", c -> Sql.queryFirst(c,
                "SELECT " + COLUMNS + " FROM accounts WHERE username_lower = ?", JdbcAccountStore::read,
                lower(username)));
    }

    @Override
    public List<Account> findByIds(Collection<AccountId> ids) {
        List<Object> values = ids.stream().distinct().map(id -> (Object) id.value()).toList();
        if (values.isEmpty()) {
            return List.of();
        }
        return transactions.read("find accounts", c -> {
            List<Account> found = new ArrayList<>();
            for (int from = 0; from < values.size(); from += IDS_PER_QUERY) {
                List<Object> chunk = values.subList(from, Math.min(values.size(), from + IDS_PER_QUERY));
                found.addAll(Sql.query(c,
                        "SELECT " + COLUMNS + " FROM accounts WHERE id IN (" + Sql.placeholders(chunk.size()) + ")",
                        JdbcAccountStore::read, chunk.toArray()));
            }
            return found;
        });
    }

    @Override
    public List<Account> findFindableByEmail(String email) {
        return transactions.read("find accounts by email", c -> Sql.query(c,
                "SELECT " + COLUMNS + " FROM accounts WHERE email = ? AND findable_by_email ORDER BY id",
                JdbcAccountStore::read, email));
    }

    @Override
    public List<Account> findFindableByPhone(String phone) {
        return transactions.read("find accounts by phone", c -> Sql.query(c,
                "SELECT " + COLUMNS + " FROM accounts WHERE phone = ? AND findable_by_phone ORDER BY id",
                JdbcAccountStore::read, phone));
    }

    @Override
    public void updatePasswordHash(AccountId id, String passwordHash) {
        transactions.write("update password", c ->
                Sql.update(c, "UPDATE accounts SET password_hash = ? WHERE id = ?", passwordHash, id.value()));
    }

    @Override
    public void updateLastSeen(AccountId id, Instant lastSeenAt) {
        transactions.write("update last seen", c -> Sql.update(c,
                "UPDATE accounts SET last_seen_at = ? WHERE id = ?", lastSeenAt.toEpochMilli(), id.value()));
    }

    private static String lower(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static Account read(ResultSet row) throws SQLException {
        long lastSeen = row.getLong("last_seen_at");
        Instant lastSeenAt = row.wasNull() ? null : Instant.ofEpochMilli(lastSeen);
        return new Account(new AccountId(row.getLong("id")), row.getString("username"),
                row.getString("display_name"), row.getString("avatar"), row.getString("email"),
                row.getString("phone"), row.getBoolean("findable_by_email"), row.getBoolean("findable_by_phone"),
                row.getString("password_hash"), Instant.ofEpochMilli(row.getLong("created_at")), lastSeenAt);
    }
}
