package dev.confab.server.store.jdbc;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.messages.AppendResult;
import dev.confab.server.messages.Message;
import dev.confab.server.messages.MessageSlice;
import dev.confab.server.messages.MessageStore;
import dev.confab.server.messages.NewMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@link MessageStore} on the {@code messages} table. {@link #append} takes the next seq by incrementing
 * {@code conversations.last_seq} in the same transaction as the insert (see {@link MessageAppends}): on
 * PostgreSQL that row lock serialises the senders of one conversation and its membership changes, on
 * SQLite the write lock does. Membership and the disbanded state are checked under that lock, and a
 * rejected send rolls back its seq. The unique key on (sender, sender device, client message id) makes a
 * resend return the original message, even after the sender left; a resend that loses a race to its twin
 * rolls back, taking its seq increment with it, so seqs stay gap-free.
 */
public final class JdbcMessageStore implements MessageStore, AutoCloseable {

    private static final String COLUMNS = MessageRows.columns("m", "");

    /** Most appends that share one commit. */
    static final int MAX_BATCH = 256;

    private final Transactions transactions;
    private final GroupCommit<NewMessage, AppendResult> appends;

    public JdbcMessageStore(Database database) {
        this.transactions = new Transactions(database);
        boolean postgres = database.dialect() == Dialect.POSTGRESQL;
        // On PostgreSQL, where each statement is a round trip, whole batches go in five statements.
        GroupCommit.BatchWork<NewMessage> batchWork = postgres ? new PostgresAppendBatch(new ResendRaceLost())::run : null;
        this.appends = new GroupCommit<>(transactions, "append message", JdbcMessageStore::appendIn, batchWork,
                m -> m.conversationId().value(), MAX_BATCH, postgres ? appendWriters(database) : 1);
    }

    /**
     * Appends through group commit: concurrent appends share one transaction (and one durable commit),
     * each under its own savepoint, and each caller returns after that commit. A resend whose key a
     * concurrent transaction stored first is answered with the stored original.
     */
    @Override
    public AppendResult append(NewMessage message) {
        try {
            return appends.write(message);
        } catch (ResendRaceLost e) {
            return new AppendResult(storedOriginal(message)
                    .orElseThrow(() -> new IllegalStateException("resent message conflicted but is not stored")), true);
        } catch (ConfabException e) {
            // A resend is answered with its original even when it could no longer be sent (the sender
            // left, the conversation was disbanded).
            return storedOriginal(message).map(original -> new AppendResult(original, true)).orElseThrow(() -> e);
        }
    }

    private Optional<Message> storedOriginal(NewMessage message) {
        return transactions.read("find resent message", c -> findByKey(c, message));
    }

    /**
     * One append inside the batch's transaction. A resend is not looked up first: that costs the single
     * writer a query per message for the rare resend, which {@link dev.confab.server.messages.MessageService}
     * already answered before queuing. A resend that gets here anyway (its original committed meanwhile)
     * conflicts on the idempotency key, rolls back to its savepoint, seq included, and is answered with
     * the original by {@link #append}.
     */
    private static AppendResult appendIn(Connection c, NewMessage message) throws SQLException {
        ConversationId conversation = message.conversationId();
        OptionalLong seq = MessageAppends.takeSeqIfLive(c, conversation, message.sentAt());
        // Checked after the seq is taken: on PostgreSQL the conversation row is then locked by this
        // transaction, and this statement sees every membership change committed before, since each
        // change locks that row too. (A condition in the UPDATE itself would be rechecked against the
        // snapshot from before a wait for the lock, missing a removal committed meanwhile.)
        if (!MembershipRows.isMember(c, conversation, message.senderId())) {
            throw new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND);
        }
        if (seq.isEmpty()) {
            throw new ConfabException(ErrorCode.CONVERSATION_DISBANDED);
        }
        Message inserted = MessageAppends.insert(c, message, seq.getAsLong()).orElseThrow(ResendRaceLost::new);
        // The sender has read (and so received) everything up to their own message.
        Sql.update(c, "UPDATE conversation_members SET read_seq = ?, delivered_seq = ?"
                + " WHERE conversation_id = ? AND account_id = ? AND read_seq < ?",
                inserted.seq(), inserted.seq(), conversation.value(), message.senderId().value(), inserted.seq());
        return new AppendResult(inserted, false);
    }

    @Override
    public long prune(ConversationId conversation, int keepLast, java.time.Instant notBefore) {
        return transactions.write("prune messages", c -> {
            long[] seqs = Sql.queryFirst(c, "UPDATE conversations SET min_seq = min_seq WHERE id = ? RETURNING last_seq, min_seq",
                    row -> new long[] {row.getLong(1), row.getLong(2)}, conversation.value())
                    .orElseThrow(() -> new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND));
            long cutoff = seqs[1];
            if (keepLast > 0) {
                cutoff = Math.max(cutoff, seqs[0] - keepLast + 1);
            }
            if (notBefore != null) {
                long firstRecent = Sql.queryFirst(c, "SELECT MIN(seq) FROM messages WHERE conversation_id = ? AND sent_at >= ?",
                        row -> {
                            long seq = row.getLong(1);
                            return row.wasNull() ? seqs[0] + 1 : seq;
                        }, conversation.value(), notBefore.toEpochMilli()).orElse(seqs[0] + 1);
                cutoff = Math.max(cutoff, firstRecent);
            }
            if (cutoff > seqs[1]) {
                Sql.update(c, "DELETE FROM messages WHERE conversation_id = ? AND seq < ?", conversation.value(), cutoff);
                Sql.update(c, "UPDATE conversations SET min_seq = ? WHERE id = ?", cutoff, conversation.value());
            }
            return cutoff;
        });
    }

    @Override
    public long firstWithheldSeq(ConversationId conversation, dev.confab.server.accounts.AccountId sender) {
        return transactions.read("find withheld", c -> Sql.queryFirst(c,
                "SELECT MIN(seq) FROM messages WHERE conversation_id = ? AND sender_id = ? AND withheld = ?",
                row -> {
                    long seq = row.getLong(1);
                    return row.wasNull() ? Long.MAX_VALUE : seq;
                }, conversation.value(), sender.value(), true).orElse(Long.MAX_VALUE));
    }

    @Override
    public Optional<Message> findSent(dev.confab.server.accounts.AccountId sender, String senderDeviceId,
                                      String clientMessageId) {
        return transactions.read("find sent message", c -> findByKey(c, sender.value(), senderDeviceId, clientMessageId));
    }

    private static Optional<Message> findByKey(Connection c, NewMessage message) throws SQLException {
        return findByKey(c, message.senderId().value(), message.senderDeviceId(), message.clientMessageId());
    }

    private static Optional<Message> findByKey(Connection c, long sender, String device, String clientMessageId)
            throws SQLException {
        return Sql.queryFirst(c, "SELECT " + COLUMNS + " FROM messages m"
                        + " WHERE m.sender_id = ? AND m.sender_device_id = ? AND m.client_message_id = ?",
                row -> MessageRows.read(row, ""), sender, device, clientMessageId);
    }

    @Override
    public MessageSlice after(ConversationId conversation, long afterSeq, int limit) {
        requirePositive(limit);
        List<Message> page = transactions.read("read messages", c -> Sql.query(c, "SELECT " + COLUMNS
                        + " FROM messages m WHERE m.conversation_id = ? AND m.seq > ? ORDER BY m.seq ASC LIMIT ?",
                row -> MessageRows.read(row, ""), conversation.value(), afterSeq, (long) limit + 1));
        boolean hasMore = page.size() > limit;
        return new MessageSlice(List.copyOf(hasMore ? page.subList(0, limit) : page), hasMore);
    }

    @Override
    public MessageSlice before(ConversationId conversation, long beforeSeq, int limit) {
        requirePositive(limit);
        List<Message> newestFirst = transactions.read("read messages", c -> Sql.query(c, "SELECT " + COLUMNS
                        + " FROM messages m WHERE m.conversation_id = ? AND m.seq < ? ORDER BY m.seq DESC LIMIT ?",
                row -> MessageRows.read(row, ""), conversation.value(), beforeSeq, (long) limit + 1));
        boolean hasMore = newestFirst.size() > limit;
        List<Message> ascending = new ArrayList<>(hasMore ? newestFirst.subList(0, limit) : newestFirst);
        return new MessageSlice(List.copyOf(ascending.reversed()), hasMore);
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** On PostgreSQL: half the pool commits batches at once, leaving the rest for reads and other writes. */
    private static int appendWriters(Database database) {
        return Math.max(1, database.poolSize() / 2);
    }

    /** Stops the group-commit writer; appends waiting for it fail with 'unavailable'. */
    @Override
    public void close() {
        appends.close();
    }

    /** Rolls back an append whose idempotency key a concurrent transaction committed first. */
    private static final class ResendRaceLost extends RuntimeException {
        ResendRaceLost() {
            super(null, null, false, false);
        }
    }
}
