package dev.confab.server.store.jdbc;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationDetails;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.conversations.Membership;
import dev.confab.server.conversations.MembershipStore;
import dev.confab.server.conversations.MembershipWrites;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link MembershipStore} on the {@code conversations}, {@code conversation_members} and {@code messages}
 * tables. {@link #write} runs its work in one write transaction through a {@link JdbcMembershipWrites}
 * bound to it and commits; the system messages it appended take their seqs exactly like user messages
 * (see {@link MessageAppends}). Reads run in auto-commit mode. Aliases and titles are matched ignoring
 * case through their lower-cased copies ({@code alias_lower}, {@code title_lower}).
 */
public final class JdbcMembershipStore implements MembershipStore {

    private final Transactions transactions;
    private final Dialect dialect;

    public JdbcMembershipStore(Database database) {
        this(database, Clock.systemUTC());
    }

    /**
     * Takes a clock like the other stores so that wiring can pass the server's; no operation reads it
     * today, since every write is given its time by the caller.
     */
    public JdbcMembershipStore(Database database, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        this.transactions = new Transactions(database);
        this.dialect = database.dialect();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Database failures come out as {@link dev.confab.server.errors.StoreUnavailableException} or, for
     * bugs such as a broken constraint, {@link IllegalStateException}; whatever else the work throws comes
     * out unchanged.
     */
    @Override
    public <R> Committed<R> write(Function<MembershipWrites, R> work) {
        return transactions.write("change membership", c -> {
            JdbcMembershipWrites writes = new JdbcMembershipWrites(c, dialect);
            try {
                R result = work.apply(writes);
                return new Committed<>(result, writes.systemMessages());
            } catch (UncheckedSQLException e) {
                throw e.getCause();
            } finally {
                writes.close();
            }
        });
    }

    @Override
    public Optional<ConversationDetails> details(ConversationId conversation) {
        return transactions.read("find conversation details",
                c -> ConversationDetailsRows.find(c, conversation, ""));
    }

    @Override
    public Optional<Membership> membership(ConversationId conversation, AccountId account) {
        return transactions.read("find membership", c -> MembershipRows.membership(c, conversation, account));
    }

    @Override
    public List<Membership> members(ConversationId conversation) {
        return transactions.read("list memberships", c -> MembershipRows.members(c, conversation));
    }

    /** Disbanded rooms are found too; their details say so. */
    @Override
    public List<ConversationDetails> withRetention() {
        return transactions.read("list retained conversations", c -> Sql.query(c, ConversationDetailsRows.SELECT
                        + " AND disbanded_at IS NULL AND (retention_max_messages > 0 OR retention_max_age_ms > 0)",
                ConversationDetailsRows::read));
    }

    @Override
    public Optional<ConversationDetails> roomByAlias(String alias) {
        return transactions.read("find room by alias", c -> Sql.queryFirst(c,
                ConversationDetailsRows.SELECT + " AND kind = 'ROOM' AND alias_lower = ?",
                ConversationDetailsRows::read, alias.toLowerCase(Locale.ROOT)));
    }

    /**
     * Prefixes compare with lower-cased aliases and titles in code point order (see {@link PrefixRange}).
     * Every room has an alias, so the scan in alias order starts past the other kinds' NULL aliases.
     */
    @Override
    public List<ConversationDetails> searchRooms(String prefix, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(ConversationDetailsRows.SELECT)
                .append(" AND kind = 'ROOM' AND alias_lower IS NOT NULL AND disbanded_at IS NULL");
        List<Object> parameters = new ArrayList<>();
        if (!prefix.isEmpty()) {
            PrefixRange range = PrefixRange.of(prefix.toLowerCase(Locale.ROOT));
            sql.append(" AND (").append(range.condition("alias_lower"))
                    .append(" OR ").append(range.condition("title_lower")).append(')');
            parameters.addAll(range.parameters());
            parameters.addAll(range.parameters());
        }
        sql.append(" ORDER BY alias_lower LIMIT ?");
        parameters.add(limit);
        return transactions.read("search rooms", c -> Sql.query(c, sql.toString(), ConversationDetailsRows::read,
                parameters.toArray()));
    }
}
