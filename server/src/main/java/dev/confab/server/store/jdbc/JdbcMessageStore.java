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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link MessageStore} on the {@code messages} table. {@link #append} takes the next seq by incrementing
 * {@code conversations.last_seq} in the same transaction as the insert: on PostgreSQL that row lock
 * serialises the senders of one conversation, on SQLite the write lock does. The unique key on
 * (sender, sender device, client message id) makes a resend return the original message; a resend that
 * loses a race to its twin rolls back, taking its seq increment with it, so seqs stay gap-free.
 */
public final class JdbcMessageStore implements MessageStore {

    private static final String COLUMNS = MessageRows.columns("m", "");

    private final Transactions transactions;

    public JdbcMessageStore(Database database) {
        this.transactions = new Transactions(database);
    }

    @Override
    public AppendResult append(NewMessage message) {
        try {
            return transactions.write("append message", c -> appendIn(c, message));
        } catch (ResendRaceLost e) {
            Message original = transactions.read("find resent message", c -> findByKey(c, message))
                    .orElseThrow(() -> new IllegalStateException("resent message conflicted but is not stored"));
            return new AppendResult(original, true);
        }
    }

    private static AppendResult appendIn(Connection c, NewMessage message) throws SQLException {
        Optional<Message> stored = findByKey(c, message);
        if (stored.isPresent()) {
            return new AppendResult(stored.get(), true);
        }
        long sentAt = message.sentAt().toEpochMilli();
        long conversation = message.conversationId().value();
        long seq = Sql.queryFirst(c, "UPDATE conversations SET last_seq = last_seq + 1,"
                                + " updated_at = CASE WHEN updated_at > ? THEN updated_at ELSE ? END"
                                + " WHERE id = ? RETURNING last_seq",
                        row -> row.getLong(1), sentAt, sentAt, conversation)
                .orElseThrow(() -> new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND));
        long id = Sql.queryFirst(c, "INSERT INTO messages (conversation_id, seq, sender_id, sender_device_id,"
                                + " client_message_id, content_type, body, sent_at, withheld)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (sender_id, sender_device_id, client_message_id)"
                                + " DO NOTHING RETURNING id",
                        row -> row.getLong(1), conversation, seq, message.senderId().value(),
                        message.senderDeviceId(), message.clientMessageId(), message.contentType(), message.body(),
                        sentAt, message.withheld())
                .orElseThrow(ResendRaceLost::new);
        Sql.update(c, "UPDATE conversation_members SET read_seq = ?"
                + " WHERE conversation_id = ? AND account_id = ? AND read_seq < ?",
                seq, conversation, message.senderId().value(), seq);
        return new AppendResult(new Message(id, message.conversationId(), seq, message.senderId(),
                message.senderDeviceId(), message.clientMessageId(), message.contentType(), message.body(),
                Instant.ofEpochMilli(sentAt), message.withheld()), false);
    }

    private static Optional<Message> findByKey(Connection c, NewMessage message) throws SQLException {
        return Sql.queryFirst(c, "SELECT " + COLUMNS + " FROM messages m"
                        + " WHERE m.sender_id = ? AND m.sender_device_id = ? AND m.client_message_id = ?",
                row -> MessageRows.read(row, ""),
                message.senderId().value(), message.senderDeviceId(), message.clientMessageId());
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

    /** Rolls back an append whose idempotency key a concurrent transaction committed first. */
    private static final class ResendRaceLost extends RuntimeException {
        ResendRaceLost() {
            super(null, null, false, false);
        }
    }
}
