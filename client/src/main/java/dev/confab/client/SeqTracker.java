package dev.confab.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ordering and deduplication across the streams of one {@link StreamKind}: one {@link SeqCursor} per
 * stream key, created on first sight at the position the application declared with {@link #advanceTo}
 * (0 when it declared none, which means the whole stream is fetched). Not thread-safe.
 *
 * @param <T> the items
 */
final class SeqTracker<T> {
    private final StreamKind<T> kind;
    private final Map<Long, SeqCursor<T>> cursors = new HashMap<>();

    SeqTracker(StreamKind<T> kind) {
        this.kind = kind;
    }

    /** How the tracked items are numbered. */
    StreamKind<T> kind() {
        return kind;
    }

    /** See {@link SeqCursor#accept}; the item goes to the cursor of its own stream. */
    List<T> accept(T item) {
        return cursor(kind.streamOf().applyAsLong(item)).accept(item);
    }

    /** See {@link SeqCursor#advanceTo}. */
    List<T> advanceTo(long stream, long seq) {
        return cursor(stream).advanceTo(seq);
    }

    /** The highest seq delivered in the stream; 0 for a stream never seen. */
    long delivered(long stream) {
        SeqCursor<T> cursor = cursors.get(stream);
        return cursor == null ? 0 : cursor.delivered();
    }

    /** True while the stream holds items behind a missing seq. */
    boolean hasGap(long stream) {
        SeqCursor<T> cursor = cursors.get(stream);
        return cursor != null && cursor.hasGap();
    }

    private SeqCursor<T> cursor(long stream) {
        return cursors.computeIfAbsent(stream, key -> new SeqCursor<>(0, kind.seqOf()));
    }
}
