package dev.confab.server.store.jdbc;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.ProfileFields;
import dev.confab.server.contacts.ContactWrites;
import dev.confab.server.contacts.FriendRequest;
import dev.confab.server.contacts.FriendRequestId;
import dev.confab.server.contacts.FriendRequestStatus;
import dev.confab.server.contacts.NewFriendRequest;
import dev.confab.server.events.AccountEvent;
import dev.confab.server.events.AccountEventEncoder;
import dev.confab.server.events.RecordedEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link ContactWrites} on the connection of one open write transaction of {@link JdbcContactStore}.
 * Failing statements throw {@link UncheckedSQLException}. Once {@link #close}d (when the work returns or
 * throws) every method throws {@link IllegalStateException}. Not thread-safe.
 */
final class JdbcContactWrites implements ContactWrites {

    private final Connection c;
    private final Dialect dialect;
    private final AccountEventEncoder encoder;
    private final Instant at;
    private final PendingEvents pending = new PendingEvents();
    private final TransactionBound bound = new TransactionBound("contact writes");

    /** {@code at} is the transaction's time, which every event recorded through this instance carries. */
    JdbcContactWrites(Connection connection, Dialect dialect, AccountEventEncoder encoder, Instant at) {
        this.c = connection;
        this.dialect = dialect;
        this.encoder = encoder;
        this.at = Instant.ofEpochMilli(at.toEpochMilli());
    }

    /**
     * On PostgreSQL locks both account rows, in id order so that transactions locking overlapping pairs
     * queue instead of deadlocking. {@code FOR NO KEY UPDATE} conflicts with itself and with the event seq increments of
     * {@link #record}, but not with the key-share locks of foreign-key checks, so sessions, messages and
     * memberships of the two accounts can still be written meanwhile. On SQLite the write transaction
     * already holds the database write lock.
     */
    @Override
    public void lockPair(AccountId a, AccountId b) {
        if (dialect == Dialect.POSTGRESQL) {
            bound.run(() -> Sql.query(c, "SELECT id FROM accounts WHERE id IN (?, ?) ORDER BY id FOR NO KEY UPDATE",
                    row -> row.getLong(1), a.value(), b.value()));
        } else {
            bound.requireOpen();
        }
    }

    @Override
    public Optional<FriendRequest> pendingRequest(AccountId from, AccountId to) {
        return bound.run(() -> Sql.queryFirst(c, "SELECT " + FriendRequestRows.COLUMNS + " FROM friend_requests"
                        + " WHERE from_id = ? AND to_id = ? AND status = ?"
                        + FriendRequestRows.NEWEST_FIRST + " LIMIT 1",
                FriendRequestRows::read, from.value(), to.value(), FriendRequestStatus.PENDING.name()));
    }

    @Override
    public Optional<FriendRequest> latestRequest(AccountId from, AccountId to) {
        return bound.run(() -> Sql.queryFirst(c, "SELECT " + FriendRequestRows.COLUMNS + " FROM friend_requests"
                        + " WHERE from_id = ? AND to_id = ?" + FriendRequestRows.NEWEST_FIRST + " LIMIT 1",
                FriendRequestRows::read, from.value(), to.value()));
    }

    /** On PostgreSQL the row stays locked ({@code FOR UPDATE}); on SQLite the write lock covers it. */
    @Override
    public Optional<FriendRequest> requestForUpdate(FriendRequestId id) {
        String lock = dialect == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
        return bound.run(() -> Sql.queryFirst(c, "SELECT " + FriendRequestRows.COLUMNS + " FROM friend_requests"
                + " WHERE id = ?" + lock, FriendRequestRows::read, id.value()));
    }

    /** Stores the request as PENDING, updated at its creation time. */
    @Override
    public FriendRequest insertRequest(NewFriendRequest request) {
        long created = request.createdAt().toEpochMilli();
        long expires = request.expiresAt().toEpochMilli();
        long id = bound.run(() -> Sql.queryFirst(c, "INSERT INTO friend_requests (from_id, to_id, message, status, withheld,"
                        + " created_at, updated_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                row -> row.getLong(1), request.from().value(), request.to().value(), request.message(),
                FriendRequestStatus.PENDING.name(), request.withheld(), created, created, expires)).orElseThrow();
        return new FriendRequest(new FriendRequestId(id), request.from(), request.to(), request.message(),
                FriendRequestStatus.PENDING, request.withheld(), Instant.ofEpochMilli(created),
                Instant.ofEpochMilli(created), Instant.ofEpochMilli(expires));
    }

    /** @throws IllegalArgumentException when there is no such request */
    @Override
    public FriendRequest setRequestStatus(FriendRequestId id, FriendRequestStatus status, Instant at) {
        return bound.run(() -> Sql.queryFirst(c, "UPDATE friend_requests SET status = ?, updated_at = ? WHERE id = ?"
                        + " RETURNING " + FriendRequestRows.COLUMNS, FriendRequestRows::read,
                status.name(), at.toEpochMilli(), id.value()))
                .orElseThrow(() -> new IllegalArgumentException("no friend request " + id));
    }

    @Override
    public boolean areFriends(AccountId a, AccountId b) {
        return bound.run(() -> ContactRows.areFriends(c, a, b));
    }

    @Override
    public boolean addFriendship(AccountId a, AccountId b, Instant since) {
        long created = since.toEpochMilli();
        String insert = "INSERT INTO friendships (account_id, friend_id, remark, created_at) VALUES (?, ?, NULL, ?)"
                + " ON CONFLICT (account_id, friend_id) DO NOTHING";
        return bound.run(() -> Sql.update(c, insert, a.value(), b.value(), created)
                + Sql.update(c, insert, b.value(), a.value(), created)) > 0;
    }

    @Override
    public boolean removeFriendship(AccountId a, AccountId b) {
        return bound.run(() -> Sql.update(c, "DELETE FROM friendships WHERE (account_id = ? AND friend_id = ?)"
                + " OR (account_id = ? AND friend_id = ?)", a.value(), b.value(), b.value(), a.value())) > 0;
    }

    @Override
    public boolean setRemark(AccountId owner, AccountId friend, String remark) {
        return bound.run(() -> Sql.update(c, "UPDATE friendships SET remark = ? WHERE account_id = ? AND friend_id = ?",
                remark, owner.value(), friend.value())) > 0;
    }

    @Override
    public boolean isBlocked(AccountId blocker, AccountId blocked) {
        return bound.run(() -> ContactRows.isBlocked(c, blocker, blocked));
    }

    @Override
    public boolean block(AccountId blocker, AccountId blocked, Instant since) {
        return bound.run(() -> Sql.update(c, "INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (blocker_id, blocked_id) DO NOTHING",
                blocker.value(), blocked.value(), since.toEpochMilli())) > 0;
    }

    @Override
    public boolean unblock(AccountId blocker, AccountId blocked) {
        return bound.run(() -> Sql.update(c, "DELETE FROM blocks WHERE blocker_id = ? AND blocked_id = ?",
                blocker.value(), blocked.value())) > 0;
    }

    /** @throws IllegalArgumentException when there is no such account */
    @Override
    public void updateProfile(AccountId account, ProfileFields fields) {
        int updated = bound.run(() -> Sql.update(c, "UPDATE accounts SET display_name = ?, avatar = ?, email = ?, phone = ?,"
                        + " findable_by_email = ?, findable_by_phone = ? WHERE id = ?",
                fields.displayName(), fields.avatar(), fields.email(), fields.phone(), fields.findableByEmail(),
                fields.findableByPhone(), account.value()));
        if (updated == 0) {
            throw new IllegalArgumentException("no account " + account);
        }
    }

    @Override
    public List<AccountId> friendIds(AccountId account) {
        return bound.run(() -> ContactRows.friendIds(c, account));
    }

    /**
     * Encodes the event now; takes its seq when the work returns, see {@link PendingEvents}. The seq is
     * still assigned in this transaction, and a rollback gives it back.
     *
     * @throws IllegalArgumentException (when the work returns) when there is no such account
     */
    @Override
    public void record(AccountId recipient, AccountEvent event) {
        bound.requireOpen();
        pending.add(recipient, event.type(), encoder.encode(event));
    }

    /** Appends the recorded events to their recipients' logs; returns them in recording order. */
    List<RecordedEvent> appendEvents() throws SQLException {
        bound.requireOpen();
        return pending.append(c, at);
    }

    /** Ends this instance's validity; the transaction is about to commit or roll back. */
    void close() {
        bound.close();
    }



}
