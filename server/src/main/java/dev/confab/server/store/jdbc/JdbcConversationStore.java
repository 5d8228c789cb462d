package dev.confab.server.store.jdbc;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.conversations.ConversationKind;
import dev.confab.server.conversations.ConversationPosition;
import dev.confab.server.conversations.ReceiptPosition;
import dev.confab.server.conversations.ConversationStore;
import dev.confab.server.conversations.ConversationSummary;
import dev.confab.server.errors.ConfabException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ConversationStore} on the {@code conversations} and {@code conversation_members} tables. A
 * DIRECT conversation carries {@code direct_key = "<smaller id>:<larger id>"}, unique, which makes
 * {@link #findOrCreateDirect} race-safe; its capacity and member count are 2. Groups and rooms are created
 * by {@link JdbcMembershipStore}; everything else here works for every kind. Creation times come from the
 * injected clock.
 */
public final class JdbcConversationStore implements ConversationStore {

    private final Transactions transactions;
    private final Clock clock;

    public JdbcConversationStore(Database database) {
        this(database, Clock.systemUTC());
    }

    public JdbcConversationStore(Database database, Clock clock) {
        this.transactions = new Transactions(database);
        this.clock = clock;
    }

    @Override
    public ConversationId findOrCreateDirect(AccountId a, AccountId b) {
        if (a.equals(b)) {
            throw new IllegalArgumentException("a direct conversation needs two different accounts");
        }
        String key = Math.min(a.value(), b.value()) + ":" + Math.max(a.value(), b.value());
        Optional<Long> existing = transactions.read("find direct conversation", c -> findDirect(c, key));
        long id = existing.isPresent() ? existing.get() : transactions.write("create direct conversation", c -> {
            Optional<Long> stored = findDirect(c, key);
            return stored.isPresent() ? stored.get() : createDirect(c, key, a, b);
        });
        return new ConversationId(id);
    }

    private long createDirect(Connection c, String key, AccountId a, AccountId b) throws SQLException {
        long now = clock.millis();
        Optional<Long> created = Sql.queryFirst(c,
                "INSERT INTO conversations (kind, direct_key, last_seq, capacity, member_count, created_at, updated_at)"
                        + " VALUES (?, ?, 0, 2, 2, ?, ?)"
                        + " ON CONFLICT (direct_key) DO NOTHING RETURNING id",
                row -> row.getLong(1), ConversationKind.DIRECT.name(), key, now, now);
        if (created.isEmpty()) {
            // A concurrent transaction created it and has committed (PostgreSQL waited for it).
            return findDirect(c, key).orElseThrow(() -> new IllegalStateException("direct conversation vanished"));
        }
        for (AccountId member : List.of(a, b)) {
            Sql.update(c, "INSERT INTO conversation_members (conversation_id, account_id, read_seq, joined_at)"
                    + " VALUES (?, ?, 0, ?)", created.get(), member.value(), now);
        }
        return created.get();
    }

    private static Optional<Long> findDirect(Connection c, String key) throws SQLException {
        return Sql.queryFirst(c, "SELECT id FROM conversations WHERE direct_key = ?", row -> row.getLong(1), key);
    }

    @Override
    public boolean isMember(ConversationId conversation, AccountId account) {
        return transactions.read("check membership", c -> MembershipRows.isMember(c, conversation, account));
    }

    @Override
    public Optional<ConversationKind> kind(ConversationId conversation) {
        return transactions.read("find conversation kind", c -> Sql.queryFirst(c,
                "SELECT kind FROM conversations WHERE id = ?",
                row -> ConversationKind.valueOf(row.getString(1)), conversation.value()));
    }

    @Override
    public List<AccountId> members(ConversationId conversation) {
        return transactions.read("list members", c -> Sql.query(c,
                "SELECT account_id FROM conversation_members WHERE conversation_id = ? ORDER BY joined_at, account_id",
                row -> new AccountId(row.getLong(1)), conversation.value()));
    }

    @Override
    public List<ConversationSummary> listFor(AccountId account, ConversationPosition after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        if (after == null) {
            return transactions.read("list conversations", c -> Sql.query(c, ConversationSummaryRows.FIRST_PAGE,
                    ConversationSummaryRows::read, account.value(), limit));
        }
        long updated = after.updatedAt().toEpochMilli();
        return transactions.read("list conversations", c -> Sql.query(c, ConversationSummaryRows.NEXT_PAGE,
                ConversationSummaryRows::read, account.value(), updated, updated, after.id().value(), limit));
    }

    @Override
    public long markRead(ConversationId conversation, AccountId account, long seq) {
        return transactions.write("mark read", c -> {
            advance(c, "read_seq", conversation, account, seq);
            advance(c, "delivered_seq", conversation, account, seq);
            return position(c, "read_seq", conversation, account);
        });
    }

    @Override
    public long markDelivered(ConversationId conversation, AccountId account, long seq) {
        return transactions.write("mark delivered", c -> {
            advance(c, "delivered_seq", conversation, account, seq);
            return position(c, "delivered_seq", conversation, account);
        });
    }

    @Override
    public List<ReceiptPosition> positions(ConversationId conversation) {
        return transactions.read("read receipts", c -> Sql.query(c,
                "SELECT account_id, delivered_seq, read_seq FROM conversation_members WHERE conversation_id = ?"
                        + " ORDER BY account_id",
                row -> new ReceiptPosition(new AccountId(row.getLong(1)), row.getLong(2), row.getLong(3)),
                conversation.value()));
    }

    /** Raises one position column to {@code seq}, capped at the conversation's last seq; never lowers it. */
    private static void advance(java.sql.Connection c, String column, ConversationId conversation, AccountId account,
                                long seq) throws java.sql.SQLException {
        Sql.update(c, "UPDATE conversation_members SET " + column + " = (SELECT CASE WHEN c.last_seq < ? THEN c.last_seq"
                        + " ELSE ? END FROM conversations c WHERE c.id = conversation_members.conversation_id)"
                        + " WHERE conversation_id = ? AND account_id = ? AND " + column + " < ?",
                seq, seq, conversation.value(), account.value(), seq);
    }

    private static long position(java.sql.Connection c, String column, ConversationId conversation, AccountId account)
            throws java.sql.SQLException {
        return Sql.queryFirst(c, "SELECT " + column + " FROM conversation_members WHERE conversation_id = ? AND account_id = ?",
                row -> row.getLong(1), conversation.value(), account.value())
                .orElseThrow(() -> new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND));
    }

    @Override
    public Set<AccountId> groupPeersOf(AccountId account) {
        return transactions.read("list group peers", c -> new HashSet<>(Sql.query(c,
                "SELECT DISTINCT other.account_id FROM conversation_members mine"
                        + " JOIN conversations g ON g.id = mine.conversation_id AND g.kind = 'GROUP' AND g.disbanded_at IS NULL"
                        + " JOIN conversation_members other ON other.conversation_id = mine.conversation_id"
                        + " WHERE mine.account_id = ? AND other.account_id <> ?",
                row -> new AccountId(row.getLong(1)), account.value(), account.value())));
    }

    @Override
    public boolean shareGroup(AccountId a, AccountId b) {
        return transactions.read("check shared group", c -> Sql.queryFirst(c,
                "SELECT 1 FROM conversation_members x"
                        + " JOIN conversations g ON g.id = x.conversation_id AND g.kind = 'GROUP' AND g.disbanded_at IS NULL"
                        + " JOIN conversation_members y ON y.conversation_id = x.conversation_id"
                        + " WHERE x.account_id = ? AND y.account_id = ? LIMIT 1",
                row -> true, a.value(), b.value()).isPresent());
    }
}
