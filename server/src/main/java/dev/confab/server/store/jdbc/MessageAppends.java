package dev.confab.server.store.jdbc;

import dev.confab.server.conversations.ConversationId;
import dev.confab.server.messages.Message;
import dev.confab.server.messages.NewMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one place where messages get their seq: user messages ({@link JdbcMessageStore}) and system
 * messages ({@link JdbcMembershipWrites}) alike. Taking a seq increments {@code conversations.last_seq}
 * inside the caller's write transaction, which on PostgreSQL locks the conversation row until it ends
 * (so the senders of one conversation, and its membership changes, queue) and on SQLite is covered by
 * the write lock. A rollback gives the seq back, so seqs stay gap-free.
 */
final class MessageAppends {

    private static final String TAKE_SEQ = "UPDATE conversations SET last_seq = last_seq + 1,"
            + " updated_at = CASE WHEN updated_at > ? THEN updated_at ELSE ? END WHERE id = ?";

    private MessageAppends() {
    }

    /**
     * Takes the conversation's next seq whatever its state, and moves its update time forward to
     * {@code at}; empty when the conversation does not exist.
     */
    static OptionalLong takeSeq(Connection c, ConversationId conversation, Instant at) throws SQLException {
        return take(c, TAKE_SEQ + " RETURNING last_seq", conversation, at);
    }

    /**
     * {@link #takeSeq}, but only from a conversation that is not disbanded; empty when it does not exist
     * or is disbanded. The condition is on the locked row itself, so on PostgreSQL a send that waited for
     * a disbanding transaction sees the disbanding once that commits.
     */
    static OptionalLong takeSeqIfLive(Connection c, ConversationId conversation, Instant at) throws SQLException {
        return take(c, TAKE_SEQ + " AND disbanded_at IS NULL RETURNING last_seq", conversation, at);
    }

    private static OptionalLong take(Connection c, String sql, ConversationId conversation, Instant at)
            throws SQLException {
        long time = at.toEpochMilli();
        Optional<Long> seq = Sql.queryFirst(c, sql, row -> row.getLong(1), time, time, conversation.value());
        return seq.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    /**
     * Inserts the message with {@code seq} (taken by this transaction) and its sent time in whole
     * milliseconds; empty, writing nothing, when a message with its idempotency key (sender, sender
     * device, client message id) is already stored.
     */
    static Optional<Message> insert(Connection c, NewMessage message, long seq) throws SQLException {
        long sentAt = message.sentAt().toEpochMilli();
        return Sql.queryFirst(c, "INSERT INTO messages (conversation_id, seq, sender_id, sender_device_id,"
                                + " client_message_id, content_type, body, sent_at, withheld)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (sender_id, sender_device_id, client_message_id)"
                                + " DO NOTHING RETURNING id",
                        row -> row.getLong(1), message.conversationId().value(), seq, message.senderId().value(),
                        message.senderDeviceId(), message.clientMessageId(), message.contentType(), message.body(),
                        sentAt, message.withheld())
                .map(id -> new Message(id, message.conversationId(), seq, message.senderId(),
                        message.senderDeviceId(), message.clientMessageId(), message.contentType(), message.body(),
                        Instant.ofEpochMilli(sentAt), message.withheld()));
    }
}
