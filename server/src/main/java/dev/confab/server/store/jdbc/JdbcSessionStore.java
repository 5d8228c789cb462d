package dev.confab.server.store.jdbc;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.Session;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.accounts.SessionStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link SessionStore} on the {@code sessions} table, whose unique key on (account, device) enforces one
 * session per device. {@link #touch} writes at most once per {@link #TOUCH_INTERVAL} per session, so the
 * idle limit given to {@link #deleteExpired} must be well above it.
 */
public final class JdbcSessionStore implements SessionStore {

    /** A stored last-use time this recent is left as it is. */
    public static final Duration TOUCH_INTERVAL = Duration.ofSeconds(60);

    private static final String COLUMNS =
            "id, account_id, device_id, device_name, created_at, last_used_at, expires_at";

    private final Transactions transactions;
    private final Dialect dialect;

    public JdbcSessionStore(Database database) {
        this.transactions = new Transactions(database);
        this.dialect = database.dialect();
    }

    @Override
    public List<SessionId> create(Session session, byte[] tokenHash, boolean replaceAll) {
        return transactions.write("create session", c -> {
            lockAccount(c, session.accountId());
            List<SessionId> replaced = replaceAll
                    ? Sql.query(c, "DELETE FROM sessions WHERE account_id = ? RETURNING id",
                            row -> new SessionId(row.getString(1)), session.accountId().value())
                    : Sql.query(c, "DELETE FROM sessions WHERE account_id = ? AND device_id = ? RETURNING id",
                            row -> new SessionId(row.getString(1)), session.accountId().value(), session.deviceId());
            Sql.update(c, "INSERT INTO sessions (id, account_id, device_id, device_name, token_hash, created_at,"
                            + " last_used_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    session.id().value(), session.accountId().value(), session.deviceId(), session.deviceName(),
                    tokenHash, millis(session.createdAt()), millis(session.lastUsedAt()),
                    millis(session.expiresAt()));
            return replaced;
        });
    }

    /**
     * Serialises session creation per account, so that concurrent sign-ins on one device each see and
     * replace the one before. SQLite write transactions are serial already. The lock mode leaves foreign
     * key checks against the account row unblocked.
     */
    private void lockAccount(Connection c, AccountId account) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            Sql.query(c, "SELECT id FROM accounts WHERE id = ? FOR NO KEY UPDATE", row -> row.getLong(1),
                    account.value());
        }
    }

    @Override
    public Optional<Session> findByTokenHash(byte[] tokenHash) {
        return transactions.read("find session", c -> Sql.queryFirst(c,
                "SELECT " + COLUMNS + " FROM sessions WHERE token_hash = ?", JdbcSessionStore::read, tokenHash));
    }

    @Override
    public List<Session> listByAccount(AccountId accountId) {
        return transactions.read("list sessions", c -> Sql.query(c,
                "SELECT " + COLUMNS + " FROM sessions WHERE account_id = ? ORDER BY created_at DESC, id DESC",
                JdbcSessionStore::read, accountId.value()));
    }

    /** Checks before writing, so that the frequent no-op touch does not take SQLite's write lock. */
    @Override
    public void touch(SessionId id, Instant lastUsedAt) {
        long millis = lastUsedAt.toEpochMilli();
        long staleBefore = millis - TOUCH_INTERVAL.toMillis();
        boolean stale = transactions.read("check session use", c -> Sql.queryFirst(c,
                "SELECT 1 FROM sessions WHERE id = ? AND last_used_at <= ?", row -> true, id.value(), staleBefore))
                .isPresent();
        if (stale) {
            transactions.write("touch session", c -> Sql.update(c,
                    "UPDATE sessions SET last_used_at = ? WHERE id = ? AND last_used_at <= ?",
                    millis, id.value(), staleBefore));
        }
    }

    @Override
    public boolean delete(AccountId accountId, SessionId id) {
        return transactions.write("delete session", c -> Sql.update(c,
                "DELETE FROM sessions WHERE id = ? AND account_id = ?", id.value(), accountId.value())) > 0;
    }

    @Override
    public List<SessionId> deleteAllExcept(AccountId accountId, SessionId keep) {
        return transactions.write("delete sessions", c -> keep == null
                ? Sql.query(c, "DELETE FROM sessions WHERE account_id = ? RETURNING id",
                        row -> new SessionId(row.getString(1)), accountId.value())
                : Sql.query(c, "DELETE FROM sessions WHERE account_id = ? AND id <> ? RETURNING id",
                        row -> new SessionId(row.getString(1)), accountId.value(), keep.value()));
    }

    @Override
    public List<SessionId> deleteExpired(Instant now, Duration idleLimit) {
        long nowMillis = now.toEpochMilli();
        return transactions.write("delete expired sessions", c -> Sql.query(c,
                "DELETE FROM sessions WHERE expires_at <= ? OR last_used_at <= ? RETURNING id",
                row -> new SessionId(row.getString(1)), nowMillis, nowMillis - idleLimit.toMillis()));
    }

    private static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    private static Session read(ResultSet row) throws SQLException {
        return new Session(new SessionId(row.getString("id")), new AccountId(row.getLong("account_id")),
                row.getString("device_id"), row.getString("device_name"),
                Instant.ofEpochMilli(row.getLong("created_at")), Instant.ofEpochMilli(row.getLong("last_used_at")),
                Instant.ofEpochMilli(row.getLong("expires_at")));
    }
}
