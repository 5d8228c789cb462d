package dev.confab.client;

import dev.confab.protocol.model.MessageView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The delivery position of one conversation: the highest {@code seq} handed to the application, and
 * the messages that arrived ahead of a gap, held until the gap is filled. Not thread-safe.
 */
final class ConversationCursor {
    private final TreeMap<Long, MessageView> waiting = new TreeMap<>();
    private long delivered;

    ConversationCursor(long delivered) {
        this.delivered = Math.max(0, delivered);
    }

    /** The highest seq delivered (or declared known); 0 when none. */
    long delivered() {
        return delivered;
    }

    /** True while messages are held because an earlier seq is missing. */
    boolean hasGap() {
        return !waiting.isEmpty();
    }

    /** How many messages are held behind a gap. */
    int waitingCount() {
        return waiting.size();
    }

    /**
     * Takes a message of this conversation. Returns the messages that may now be delivered, in seq
     * order: the message itself when it is the next one, followed by any held messages it unblocks.
     * A seq already delivered or already held is a duplicate and yields nothing; a seq beyond the next
     * is held and yields nothing.
     */
    List<MessageView> accept(MessageView message) {
        long seq = message.seq();
        if (seq <= delivered) {
            return List.of();
        }
        if (seq > delivered + 1) {
            waiting.putIfAbsent(seq, message);
            return List.of();
        }
        List<MessageView> ready = new ArrayList<>();
        ready.add(message);
        delivered = seq;
        release(ready);
        return ready;
    }

    /**
     * Declares that everything up to {@code seq} is already known to the application (a local cache).
     * Held messages at or below it are dropped; held messages it unblocks are returned for delivery.
     * A position at or below the current one changes nothing.
     */
    List<MessageView> advanceTo(long seq) {
        if (seq <= delivered) {
            return List.of();
        }
        delivered = seq;
        waiting.headMap(seq, true).clear();
        List<MessageView> ready = new ArrayList<>();
        release(ready);
        return ready;
    }

    private void release(List<MessageView> ready) {
        Map.Entry<Long, MessageView> next = waiting.firstEntry();
        while (next != null && next.getKey() == delivered + 1) {
            waiting.pollFirstEntry();
            ready.add(next.getValue());
            delivered = next.getKey();
            next = waiting.firstEntry();
        }
    }
}
