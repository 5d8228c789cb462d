package dev.confab.server.store.jdbc;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.contacts.Block;
import dev.confab.server.contacts.ContactStore;
import dev.confab.server.contacts.ContactWrites;
import dev.confab.server.contacts.Friend;
import dev.confab.server.contacts.FriendRequest;
import dev.confab.server.contacts.FriendRequestId;
import dev.confab.server.contacts.FriendRequestStatus;
import dev.confab.server.events.AccountEventEncoder;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link ContactStore} on the {@code friendships}, {@code friend_requests}, {@code blocks} and
 * {@code account_events} tables. {@link #write} runs its work in one write transaction through a
 * {@link JdbcContactWrites} bound to it, then appends the events the work recorded (see
 * {@link PendingEvents}) and commits. The time of the transaction, which every event it records carries,
 * is read from the injected clock once the transaction has begun. Reads run in auto-commit mode.
 */
public final class JdbcContactStore implements ContactStore {

    private final Transactions transactions;
    private final Dialect dialect;
    private final AccountEventEncoder encoder;
    private final Clock clock;

    public JdbcContactStore(Database database, AccountEventEncoder encoder) {
        this(database, encoder, Clock.systemUTC());
    }

    public JdbcContactStore(Database database, AccountEventEncoder encoder, Clock clock) {
        this.transactions = new Transactions(database);
        this.dialect = database.dialect();
        this.encoder = encoder;
        this.clock = clock;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Database failures come out as {@link dev.confab.server.errors.StoreUnavailableException} or, for
     * bugs such as a broken constraint, {@link IllegalStateException}; whatever else the work throws comes
     * out unchanged.
     */
    @Override
    public <R> Committed<R> write(Function<ContactWrites, R> work) {
        return transactions.write("change contacts", c -> {
            JdbcContactWrites writes = new JdbcContactWrites(c, dialect, encoder, clock.instant());
            try {
                R result = work.apply(writes);
                return new Committed<>(result, writes.appendEvents());
            } catch (UncheckedSQLException e) {
                throw e.getCause();
            } finally {
                writes.close();
            }
        });
    }

    @Override
    public Optional<FriendRequest> request(FriendRequestId id) {
        return transactions.read("find friend request", c -> Sql.queryFirst(c,
                "SELECT " + FriendRequestRows.COLUMNS + " FROM friend_requests WHERE id = ?",
                FriendRequestRows::read, id.value()));
    }

    @Override
    public List<Friend> friends(AccountId account) {
        return transactions.read("list friends", c -> Sql.query(c,
                "SELECT friend_id, remark, created_at FROM friendships WHERE account_id = ?"
                        + " ORDER BY created_at, friend_id",
                row -> new Friend(new AccountId(row.getLong("friend_id")), row.getString("remark"),
                        Instant.ofEpochMilli(row.getLong("created_at"))),
                account.value()));
    }

    @Override
    public List<FriendRequest> incoming(AccountId account, Instant now) {
        return transactions.read("list incoming friend requests", c -> Sql.query(c,
                "SELECT " + FriendRequestRows.COLUMNS + " FROM friend_requests"
                        + " WHERE to_id = ? AND status = ? AND expires_at > ? AND NOT withheld"
                        + FriendRequestRows.NEWEST_FIRST,
                FriendRequestRows::read, account.value(), FriendRequestStatus.PENDING.name(), now.toEpochMilli()));
    }

    @Override
    public List<FriendRequest> outgoing(AccountId account, Instant now) {
        return transactions.read("list outgoing friend requests", c -> Sql.query(c,
                "SELECT " + FriendRequestRows.COLUMNS + " FROM friend_requests"
                        + " WHERE from_id = ? AND status = ? AND expires_at > ?" + FriendRequestRows.NEWEST_FIRST,
                FriendRequestRows::read, account.value(), FriendRequestStatus.PENDING.name(), now.toEpochMilli()));
    }

    @Override
    public List<Block> blocked(AccountId owner) {
        return transactions.read("list blocked", c -> Sql.query(c,
                "SELECT blocked_id, created_at FROM blocks WHERE blocker_id = ?"
                        + " ORDER BY created_at DESC, blocked_id DESC",
                row -> new Block(new AccountId(row.getLong("blocked_id")),
                        Instant.ofEpochMilli(row.getLong("created_at"))),
                owner.value()));
    }

    @Override
    public boolean areFriends(AccountId a, AccountId b) {
        return transactions.read("check friendship", c -> ContactRows.areFriends(c, a, b));
    }

    @Override
    public boolean isBlocked(AccountId blocker, AccountId blocked) {
        return transactions.read("check block", c -> ContactRows.isBlocked(c, blocker, blocked));
    }

    @Override
    public Set<AccountId> presenceAudience(AccountId account) {
        return transactions.read("list presence audience", c -> new HashSet<>(Sql.query(c,
                "SELECT f.friend_id FROM friendships f WHERE f.account_id = ? AND NOT EXISTS"
                        + " (SELECT 1 FROM blocks b WHERE b.blocker_id = f.account_id AND b.blocked_id = f.friend_id)",
                row -> new AccountId(row.getLong(1)), account.value())));
    }
}
