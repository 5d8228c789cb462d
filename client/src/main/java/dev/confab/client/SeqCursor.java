package dev.confab.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The delivery position of one seq-numbered stream (a conversation, or the event log): the highest
 * {@code seq} handed to the application, and the items that arrived ahead of a gap, held until the gap
 * is filled. Not thread-safe.
 *
 * @param <T> the items, which carry their seq
 */
final class SeqCursor<T> {
    private final ToLongFunction<T> seqOf;
    private final TreeMap<Long, T> waiting = new TreeMap<>();
    private long delivered;

    /**
     * @param delivered the position to start after (negative counts as 0)
     * @param seqOf     reads an item's seq
     */
    SeqCursor(long delivered, ToLongFunction<T> seqOf) {
        this.delivered = Math.max(0, delivered);
        this.seqOf = seqOf;
    }

    /** The highest seq delivered (or declared known); 0 when none. */
    long delivered() {
        return delivered;
    }

    /** True while items are held because an earlier seq is missing. */
    boolean hasGap() {
        return !waiting.isEmpty();
    }

    /** How many items are held behind a gap. */
    int waitingCount() {
        return waiting.size();
    }

    /**
     * Takes an item of this stream. Returns the items that may now be delivered, in seq order: the
     * item itself when it is the next one, followed by any held items it unblocks. A seq already
     * delivered or already held is a duplicate and yields nothing; a seq beyond the next is held and
     * yields nothing.
     */
    List<T> accept(T item) {
        long seq = seqOf.applyAsLong(item);
        if (seq <= delivered) {
            return List.of();
        }
        if (seq > delivered + 1) {
            waiting.putIfAbsent(seq, item);
            return List.of();
        }
        List<T> ready = new ArrayList<>();
        ready.add(item);
        delivered = seq;
        release(ready);
        return ready;
    }

    /**
     * Declares that everything up to {@code seq} is already known to the application (a local cache).
     * Held items at or below it are dropped; held items it unblocks are returned for delivery. A
     * position at or below the current one changes nothing.
     */
    List<T> advanceTo(long seq) {
        if (seq <= delivered) {
            return List.of();
        }
        delivered = seq;
        waiting.headMap(seq, true).clear();
        List<T> ready = new ArrayList<>();
        release(ready);
        return ready;
    }

    private void release(List<T> ready) {
        Map.Entry<Long, T> next = waiting.firstEntry();
        while (next != null && next.getKey() == delivered + 1) {
            waiting.pollFirstEntry();
            ready.add(next.getValue());
            delivered = next.getKey();
            next = waiting.firstEntry();
        }
    }
}
