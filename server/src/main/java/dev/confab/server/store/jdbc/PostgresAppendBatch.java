package dev.confab.server.store.jdbc;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.messages.AppendResult;
import dev.confab.server.messages.Message;
import dev.confab.server.messages.NewMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group-commit batch of appends on PostgreSQL in five statements, whatever its size: each statement
 * is a round trip to the database, and item by item an append costs seven of them (savepoint, seq,
 * membership, insert, read position, release). Same rules as {@link JdbcMessageStore}'s item path:
 *
 * <ol>
 *   <li>lock the batch's conversation rows ({@code FOR UPDATE}, in id order, as every batch does, so
 *       batches cannot deadlock), reading their last seq and whether they are disbanded;</li>
 *   <li>then read the senders' memberships: a statement that starts after the locks are held sees every
 *       membership change committed before, since each such change locks the conversation row too;</li>
 *   <li>give each accepted message the next seq of its conversation (a refused one takes none);</li>
 *   <li>insert the accepted messages; one that meets an idempotency key committed meanwhile by another
 *       transaction makes the whole batch {@link GroupCommit.RedoItemByItem redo item by item}, where
 *       that one rolls back alone and is answered with the original;</li>
 *   <li>store each conversation's new last seq and update time, and move each sender's read position to
 *       their own newest message.</li>
 * </ol>
 *
 * A key that occurs twice in one batch is a resend racing its original: the later one is refused with
 * {@code duplicate} and answered with the original after the commit.
 */
final class PostgresAppendBatch {

    private static final String LOCK_CONVERSATIONS = "SELECT id, last_seq, disbanded_at IS NULL FROM conversations"
            + " WHERE id = ANY(?) ORDER BY id FOR UPDATE";
    private static final String MEMBERS = "SELECT m.conversation_id, m.account_id FROM conversation_members m"
            + " JOIN unnest(?::bigint[], ?::bigint[]) AS k(conversation_id, account_id)"
            + " ON m.conversation_id = k.conversation_id AND m.account_id = k.account_id";
    private static final String INSERT = "INSERT INTO messages (conversation_id, seq, sender_id, sender_device_id,"
            + " client_message_id, content_type, body, sent_at, withheld)"
            + " SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::bigint[], ?::boolean[])"
            + " ON CONFLICT (sender_id, sender_device_id, client_message_id) DO NOTHING"
            + " RETURNING id, conversation_id, seq";
    private static final String STORE_SEQS = "UPDATE conversations c SET last_seq = u.last_seq,"
            + " updated_at = GREATEST(c.updated_at, u.updated_at)"
            + " FROM unnest(?::bigint[], ?::bigint[], ?::bigint[]) AS u(id, last_seq, updated_at) WHERE c.id = u.id";
    private static final String READ_POSITIONS = "UPDATE conversation_members m SET read_seq = u.seq, delivered_seq = u.seq"
            + " FROM unnest(?::bigint[], ?::bigint[], ?::bigint[]) AS u(conversation_id, account_id, seq)"
            + " WHERE m.conversation_id = u.conversation_id AND m.account_id = u.account_id AND m.read_seq < u.seq";

    private final RuntimeException duplicate;

    /** @param duplicate the failure given to the later of two appends with one key in a batch */
    PostgresAppendBatch(RuntimeException duplicate) {
        this.duplicate = duplicate;
    }

    private record Conversation(long lastSeq, boolean live) {
    }

    private record Key(long sender, String device, String clientMessageId) {
        static Key of(NewMessage m) {
            return new Key(m.senderId().value(), m.senderDeviceId(), m.clientMessageId());
        }
    }

    List<Object> run(Connection c, List<NewMessage> items) throws SQLException {
        Map<Long, Conversation> conversations = lockConversations(c, items);
        Set<List<Long>> members = members(c, items);
        Object[] outcomes = new Object[items.size()];
        Map<Long, Long> lastSeqs = new LinkedHashMap<>();
        Map<Long, Long> updatedAt = new HashMap<>();
        Set<Key> keys = new HashSet<>();
        List<Integer> accepted = new ArrayList<>();
        long[] seqs = new long[items.size()];
        for (int i = 0; i < items.size(); i++) {
            NewMessage m = items.get(i);
            long conversation = m.conversationId().value();
            Conversation row = conversations.get(conversation);
            if (row == null || !members.contains(List.of(conversation, m.senderId().value()))) {
                outcomes[i] = GroupCommit.failed(new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND));
            } else if (!row.live()) {
                outcomes[i] = GroupCommit.failed(new ConfabException(ErrorCode.CONVERSATION_DISBANDED));
            } else if (!keys.add(Key.of(m))) {
                outcomes[i] = GroupCommit.failed(duplicate);
            } else {
                seqs[i] = lastSeqs.merge(conversation, 1L, Long::sum) + row.lastSeq();
                updatedAt.merge(conversation, m.sentAt().toEpochMilli(), Math::max);
                accepted.add(i);
            }
        }
        if (accepted.isEmpty()) {
            return List.of(outcomes);
        }
        Map<List<Long>, Long> ids = insert(c, items, accepted, seqs);
        if (ids.size() != accepted.size()) {
            throw new GroupCommit.RedoItemByItem();
        }
        storeSeqs(c, conversations, lastSeqs, updatedAt);
        moveReadPositions(c, items, accepted, seqs);
        for (int i : accepted) {
            NewMessage m = items.get(i);
            long id = ids.get(List.of(m.conversationId().value(), seqs[i]));
            outcomes[i] = new AppendResult(new Message(id, m.conversationId(), seqs[i], m.senderId(), m.senderDeviceId(),
                    m.clientMessageId(), m.contentType(), m.body(), Instant.ofEpochMilli(m.sentAt().toEpochMilli()),
                    m.withheld()), false);
        }
        return List.of(outcomes);
    }

    private static Map<Long, Conversation> lockConversations(Connection c, List<NewMessage> items) throws SQLException {
        Long[] ids = items.stream().map(m -> m.conversationId().value()).distinct().toArray(Long[]::new);
        Map<Long, Conversation> rows = new HashMap<>();
        for (Object[] row : Sql.query(c, LOCK_CONVERSATIONS, r -> new Object[] {r.getLong(1), r.getLong(2), r.getBoolean(3)},
                c.createArrayOf("bigint", ids))) {
            rows.put((Long) row[0], new Conversation((Long) row[1], (Boolean) row[2]));
        }
        return rows;
    }

    private static Set<List<Long>> members(Connection c, List<NewMessage> items) throws SQLException {
        Long[] conversations = items.stream().map(m -> m.conversationId().value()).toArray(Long[]::new);
        Long[] senders = items.stream().map(m -> m.senderId().value()).toArray(Long[]::new);
        return new HashSet<>(Sql.query(c, MEMBERS, r -> List.of(r.getLong(1), r.getLong(2)),
                c.createArrayOf("bigint", conversations), c.createArrayOf("bigint", senders)));
    }

    /** Inserts the accepted messages; the ids of those stored, by (conversation, seq). */
    private static Map<List<Long>, Long> insert(Connection c, List<NewMessage> items, List<Integer> accepted, long[] seqs)
            throws SQLException {
        int n = accepted.size();
        Long[] conversations = new Long[n];
        Long[] seqColumn = new Long[n];
        Long[] senders = new Long[n];
        String[] devices = new String[n];
        String[] clientIds = new String[n];
        String[] contentTypes = new String[n];
        String[] bodies = new String[n];
        Long[] sentAt = new Long[n];
        Boolean[] withheld = new Boolean[n];
        for (int k = 0; k < n; k++) {
            NewMessage m = items.get(accepted.get(k));
            conversations[k] = m.conversationId().value();
            seqColumn[k] = seqs[accepted.get(k)];
            senders[k] = m.senderId().value();
            devices[k] = m.senderDeviceId();
            clientIds[k] = m.clientMessageId();
            contentTypes[k] = m.contentType();
            bodies[k] = m.body();
            sentAt[k] = m.sentAt().toEpochMilli();
            withheld[k] = m.withheld();
        }
        Map<List<Long>, Long> ids = new HashMap<>();
        for (long[] row : Sql.query(c, INSERT, r -> new long[] {r.getLong(1), r.getLong(2), r.getLong(3)},
                c.createArrayOf("bigint", conversations), c.createArrayOf("bigint", seqColumn),
                c.createArrayOf("bigint", senders), c.createArrayOf("text", devices), c.createArrayOf("text", clientIds),
                c.createArrayOf("text", contentTypes), c.createArrayOf("text", bodies), c.createArrayOf("bigint", sentAt),
                c.createArrayOf("boolean", withheld))) {
            ids.put(List.of(row[1], row[2]), row[0]);
        }
        return ids;
    }

    private static void storeSeqs(Connection c, Map<Long, Conversation> rows, Map<Long, Long> taken,
                                  Map<Long, Long> updatedAt) throws SQLException {
        Long[] ids = taken.keySet().toArray(Long[]::new);
        Long[] lastSeqs = new Long[ids.length];
        Long[] times = new Long[ids.length];
        for (int k = 0; k < ids.length; k++) {
            lastSeqs[k] = rows.get(ids[k]).lastSeq() + taken.get(ids[k]);
            times[k] = updatedAt.get(ids[k]);
        }
        Sql.update(c, STORE_SEQS, c.createArrayOf("bigint", ids), c.createArrayOf("bigint", lastSeqs),
                c.createArrayOf("bigint", times));
    }

    /** Each sender has read, and so received, everything up to their own newest message of the batch. */
    private static void moveReadPositions(Connection c, List<NewMessage> items, List<Integer> accepted, long[] seqs)
            throws SQLException {
        Map<List<Long>, Long> newest = new LinkedHashMap<>();
        for (int i : accepted) {
            NewMessage m = items.get(i);
            newest.merge(List.of(m.conversationId().value(), m.senderId().value()), seqs[i], Math::max);
        }
        Long[] conversations = newest.keySet().stream().map(k -> k.get(0)).toArray(Long[]::new);
        Long[] accounts = newest.keySet().stream().map(k -> k.get(1)).toArray(Long[]::new);
        Long[] seqColumn = newest.values().toArray(Long[]::new);
        Sql.update(c, READ_POSITIONS, c.createArrayOf("bigint", conversations), c.createArrayOf("bigint", accounts),
                c.createArrayOf("bigint", seqColumn));
    }
}
