package dev.confab.server.store.jdbc;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationDetails;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.conversations.ConversationKind;
import dev.confab.server.conversations.ConversationSettings;
import dev.confab.server.conversations.MemberRole;
import dev.confab.server.conversations.Membership;
import dev.confab.server.conversations.MembershipWrites;
import dev.confab.server.conversations.NewConversation;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.messages.Message;
import dev.confab.server.messages.NewMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link MembershipWrites} on the connection of one open write transaction of {@link JdbcMembershipStore}.
 * Failing statements throw {@link UncheckedSQLException}; calls that name a conversation or member that
 * does not exist, where the caller should have checked, throw {@link IllegalArgumentException}. Once
 * {@link #close}d (when the work returns or throws) every method throws {@link IllegalStateException}.
 * Not thread-safe.
 */
final class JdbcMembershipWrites implements MembershipWrites {

    static final String SYSTEM_CONTENT_TYPE = "application/vnd.confab.system+json";
    static final String SYSTEM_DEVICE_ID = "system";
    static final String SYSTEM_CLIENT_MESSAGE_ID_PREFIX = "system-";
    static final int MEMBERS_PER_STATEMENT = 500;

    private final Connection c;
    private final Dialect dialect;
    private final List<Message> systemMessages = new ArrayList<>();
    private final TransactionBound bound = new TransactionBound("membership writes");

    JdbcMembershipWrites(Connection connection, Dialect dialect) {
        this.c = connection;
        this.dialect = dialect;
    }

    /**
     * Stores the conversation with no members and no messages. The alias, kept as given, is unique
     * ignoring case: a clash, also with a concurrent transaction that commits first, throws
     * {@code room.alias_taken}.
     *
     * @throws IllegalArgumentException for a DIRECT conversation, a ROOM without alias or a GROUP with one
     */
    @Override
    public ConversationDetails create(NewConversation conversation) {
        ConversationKind kind = conversation.kind();
        if (kind == ConversationKind.DIRECT || (kind == ConversationKind.ROOM) != (conversation.alias() != null)) {
            throw new IllegalArgumentException("a group has no alias, a room has one; direct conversations are"
                    + " created by the conversation store");
        }
        ConversationSettings s = conversation.settings();
        long created = conversation.createdAt().toEpochMilli();
        long id = bound.run(() -> Sql.queryFirst(c, "INSERT INTO conversations (kind, alias, alias_lower, title, title_lower,"
                        + " description, avatar, topic, invite_policy, history_visibility, history_last_n, capacity,"
                        + " retention_max_messages, retention_max_age_ms, member_count, last_seq, min_seq, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 1, ?, ?)"
                        + " ON CONFLICT (alias_lower) DO NOTHING RETURNING id",
                row -> row.getLong(1), kind.name(), conversation.alias(), lower(conversation.alias()), s.title(),
                lower(s.title()), s.description(), s.avatar(), s.topic(), s.invitePolicy().name(), s.history().name(),
                s.historyLastN(), s.capacity(), s.retentionMaxMessages(), s.retentionMaxAge().toMillis(), created, created))
                .orElseThrow(() -> new ConfabException(ErrorCode.ROOM_ALIAS_TAKEN));
        return new ConversationDetails(new ConversationId(id), kind, conversation.alias(), s, 0, 0, 1,
                Instant.ofEpochMilli(created), null);
    }

    /**
     * On PostgreSQL locks the row {@code FOR NO KEY UPDATE}: that conflicts with itself and with the
     * seq increments of sends, but not with the key-share locks of foreign-key checks. On SQLite the
     * write transaction already holds the database write lock. Locking again in the same transaction
     * just reads the row, with this transaction's changes.
     */
    @Override
    public Optional<ConversationDetails> lock(ConversationId conversation) {
        String lock = dialect == Dialect.POSTGRESQL ? " FOR NO KEY UPDATE" : "";
        return bound.run(() -> ConversationDetailsRows.find(c, conversation, lock));
    }

    @Override
    public Optional<Membership> membership(ConversationId conversation, AccountId account) {
        return bound.run(() -> MembershipRows.membership(c, conversation, account));
    }

    /**
     * Also sets the member's read position to just before {@code visibleFromSeq}, so that their unread
     * count covers exactly what they may read.
     */
    @Override
    public void addMember(ConversationId conversation, AccountId account, MemberRole role, long visibleFromSeq,
                          Instant at) {
        long readSeq = Math.max(0, visibleFromSeq - 1);
        bound.run(() -> Sql.update(c, "INSERT INTO conversation_members (conversation_id, account_id, role,"
                        + " visible_from_seq, read_seq, delivered_seq, joined_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                conversation.value(), account.value(), role.name(), visibleFromSeq, readSeq, readSeq, at.toEpochMilli()));
        countMember(conversation, 1);
    }

    /**
     * Multi-row inserts of at most {@value #MEMBERS_PER_STATEMENT} rows, then one member count update;
     * read positions as {@link #addMember} sets them.
     */
    @Override
    public void addMembers(ConversationId conversation, List<NewMember> members, Instant at) {
        if (members.isEmpty()) {
            return;
        }
        long joinedAt = at.toEpochMilli();
        for (int from = 0; from < members.size(); from += MEMBERS_PER_STATEMENT) {
            List<NewMember> chunk = members.subList(from, Math.min(members.size(), from + MEMBERS_PER_STATEMENT));
            List<Object> values = new ArrayList<>(chunk.size() * 7);
            for (NewMember m : chunk) {
                long readSeq = Math.max(0, m.visibleFromSeq() - 1);
                values.addAll(List.of(conversation.value(), m.account().value(), m.role().name(), m.visibleFromSeq(),
                        readSeq, readSeq, joinedAt));
            }
            String rows = String.join(", ", java.util.Collections.nCopies(chunk.size(), "(" + Sql.placeholders(7) + ")"));
            bound.run(() -> Sql.update(c, "INSERT INTO conversation_members (conversation_id, account_id, role,"
                    + " visible_from_seq, read_seq, delivered_seq, joined_at) VALUES " + rows, values.toArray()));
        }
        countMember(conversation, members.size());
    }

    @Override
    public boolean removeMember(ConversationId conversation, AccountId account) {
        boolean removed = bound.run(() -> Sql.update(c, "DELETE FROM conversation_members"
                + " WHERE conversation_id = ? AND account_id = ?", conversation.value(), account.value())) > 0;
        if (removed) {
            countMember(conversation, -1);
        }
        return removed;
    }

    private void countMember(ConversationId conversation, int change) {
        bound.run(() -> Sql.update(c, "UPDATE conversations SET member_count = member_count + ? WHERE id = ?",
                change, conversation.value()));
    }

    /** @throws IllegalArgumentException when {@code account} is not a member */
    @Override
    public void setRole(ConversationId conversation, AccountId account, MemberRole role) {
        int updated = bound.run(() -> Sql.update(c, "UPDATE conversation_members SET role = ?"
                + " WHERE conversation_id = ? AND account_id = ?", role.name(), conversation.value(), account.value()));
        if (updated == 0) {
            throw new IllegalArgumentException(account + " is not a member of " + conversation);
        }
    }

    /** @throws IllegalArgumentException when there is no such group or room */
    @Override
    public void updateSettings(ConversationId conversation, ConversationSettings s) {
        int updated = bound.run(() -> Sql.update(c, "UPDATE conversations SET title = ?, title_lower = ?, description = ?,"
                        + " avatar = ?, topic = ?, invite_policy = ?, history_visibility = ?, history_last_n = ?,"
                        + " capacity = ?, retention_max_messages = ?, retention_max_age_ms = ? WHERE id = ? AND kind <> 'DIRECT'",
                s.title(), lower(s.title()), s.description(), s.avatar(), s.topic(), s.invitePolicy().name(),
                s.history().name(), s.historyLastN(), s.capacity(), s.retentionMaxMessages(),
                s.retentionMaxAge().toMillis(), conversation.value()));
        requireGroupOrRoom(updated, conversation);
    }

    /**
     * Keeps the first disbanding time when called again.
     *
     * @throws IllegalArgumentException when there is no such group or room
     */
    @Override
    public void markDisbanded(ConversationId conversation, Instant at) {
        int updated = bound.run(() -> Sql.update(c, "UPDATE conversations SET disbanded_at = COALESCE(disbanded_at, ?)"
                + " WHERE id = ? AND kind <> 'DIRECT'", at.toEpochMilli(), conversation.value()));
        requireGroupOrRoom(updated, conversation);
    }

    @Override
    public List<AccountId> memberIds(ConversationId conversation) {
        return bound.run(() -> MembershipRows.memberIds(c, conversation));
    }

    /**
     * Takes the seq as {@link JdbcMessageStore#append} does, but checks neither the actor's membership
     * nor whether the conversation is disbanded (the system is speaking; the caller orders its calls),
     * and moves no one's read position. The client message id is {@code system-} and a random UUID.
     *
     * @throws IllegalArgumentException when there is no such conversation
     */
    @Override
    public Message appendSystemMessage(ConversationId conversation, AccountId actor, String jsonBody, Instant at) {
        NewMessage message = new NewMessage(conversation, actor, SYSTEM_DEVICE_ID,
                SYSTEM_CLIENT_MESSAGE_ID_PREFIX + UUID.randomUUID(), SYSTEM_CONTENT_TYPE, jsonBody, at, false);
        Message stored = bound.run(() -> {
            long seq = MessageAppends.takeSeq(c, conversation, at)
                    .orElseThrow(() -> new IllegalArgumentException("no conversation " + conversation));
            return MessageAppends.insert(c, message, seq)
                    .orElseThrow(() -> new IllegalStateException("a fresh system message id is already stored"));
        });
        systemMessages.add(stored);
        return stored;
    }

    /** The system messages appended through this instance, in the order they were appended. */
    List<Message> systemMessages() {
        return List.copyOf(systemMessages);
    }

    /** Ends this instance's validity; the transaction is about to commit or roll back. */
    void close() {
        bound.close();
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static void requireGroupOrRoom(int updated, ConversationId conversation) {
        if (updated == 0) {
            throw new IllegalArgumentException("no group or room " + conversation);
        }
    }



}
