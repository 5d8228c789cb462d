package dev.confab.client;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Turns items of one {@link StreamKind} from any source (live pushes, acks of our own sends, sync
 * pages) into one ordered, deduplicated sequence per stream, and fetches what is missing. Used for
 * messages (a stream per conversation) and for the account's event log (a single stream).
 *
 * <p>An item that reveals a gap is held and its stream is synced forward from the last delivered seq,
 * page after page while the server says {@code hasMore}, until the gap is closed. At most one sync per
 * stream runs at a time and at most {@code maxConcurrent} in all; the rest queue. A sync that ends with
 * the gap still open is repeated if it made progress, and reported otherwise. A catch-up asked for
 * while the stream's sync runs ({@link #catchUpTo}, {@link #catchUp}) is served by one more sync after
 * it, since the running one may have read past the point the catch-up is about. {@link #reset()}
 * forgets running syncs (the connection dropped; their answers will not come) but keeps delivery
 * positions and held items.
 *
 * <p>Confined to one thread: every method except {@link #deliveredSeq}, and the completion of every
 * future the {@link PageSource} returns, must happen on the connection's event thread.
 *
 * @param <T> the items
 */
final class CatchUp<T> {

    /** Fetches a forward page: items of a stream with seq greater than {@code afterSeq}. */
    @FunctionalInterface
    interface PageSource<T> {
        CompletableFuture<SeqPage<T>> after(long stream, long afterSeq, int limit);
    }

    private final SeqTracker<T> tracker;
    private final StreamKind<T> kind;
    private final PageSource<T> source;
    private final Consumer<T> delivery;
    private final Consumer<Throwable> failures;
    private final int pageSize;
    private final int maxConcurrent;
    private final Set<Long> running = new HashSet<>();
    private final Set<Long> queued = new LinkedHashSet<>();
    private final Set<Long> again = new HashSet<>();
    private final Map<Long, Long> published = new ConcurrentHashMap<>();
    private long epoch;

    /**
     * @param delivery      receives every item once, in seq order per stream
     * @param failures      receives syncs that failed for a reason other than a lost connection
     * @param pageSize      items asked for per page
     * @param maxConcurrent streams synced at the same time
     */
    CatchUp(SeqTracker<T> tracker, PageSource<T> source, Consumer<T> delivery, Consumer<Throwable> failures,
            int pageSize, int maxConcurrent) {
        this.tracker = tracker;
        this.kind = tracker.kind();
        this.source = source;
        this.delivery = delivery;
        this.failures = failures;
        this.pageSize = pageSize;
        this.maxConcurrent = maxConcurrent;
    }

    /** Delivers what is in order now; starts a sync if the item sits behind a gap. */
    void accept(T item) {
        long stream = kind.streamOf().applyAsLong(item);
        deliver(stream, tracker.accept(item));
        if (tracker.hasGap(stream)) {
            request(stream);
        }
    }

    /** Syncs the stream if the server has items past what was delivered. */
    void catchUpTo(long stream, long lastSeq) {
        if (lastSeq > tracker.delivered(stream)) {
            catchUp(stream);
        }
    }

    /**
     * Syncs the stream past what was delivered, whatever the server has (an empty page when nothing).
     * While its sync runs, one more sync follows that one.
     */
    void catchUp(long stream) {
        if (running.contains(stream)) {
            again.add(stream);
        } else {
            request(stream);
        }
    }

    /** Declares a known position (see {@link SeqTracker#advanceTo}) and delivers anything it unblocks. */
    void advanceTo(long stream, long seq) {
        published.merge(stream, seq, Math::max);
        deliver(stream, tracker.advanceTo(stream, seq));
    }

    /**
     * The highest seq handed to the delivery (or declared known) in the stream; 0 when none. Safe to
     * call from any thread; during a delivery it already counts the item being delivered.
     */
    long deliveredSeq(long stream) {
        return published.getOrDefault(stream, 0L);
    }

    /** True while the stream is being synced or waits for its turn. */
    boolean isSyncing(long stream) {
        return running.contains(stream) || queued.contains(stream);
    }

    /** Forgets all running and queued syncs; answers to them that still arrive are ignored. */
    void reset() {
        epoch++;
        running.clear();
        queued.clear();
        again.clear();
    }

    private void request(long stream) {
        if (isSyncing(stream)) {
            return;
        }
        if (running.size() < maxConcurrent) {
            start(stream);
        } else {
            queued.add(stream);
        }
    }

    private void start(long stream) {
        running.add(stream);
        long from = tracker.delivered(stream);
        fetch(stream, from, from);
    }

    private void fetch(long stream, long afterSeq, long startedAt) {
        long fetchEpoch = epoch;
        source.after(stream, afterSeq, pageSize).whenComplete((page, error) -> {
            if (fetchEpoch != epoch) {
                return;
            }
            if (error != null) {
                finish(stream, FrameDispatcher.unwrap(error));
            } else {
                onPage(stream, afterSeq, startedAt, page);
            }
        });
    }

    private void onPage(long stream, long afterSeq, long startedAt, SeqPage<T> page) {
        if (page.firstSeq() > 1) {
            deliver(stream, tracker.advanceTo(stream, page.firstSeq() - 1));
        }
        for (T item : page.items()) {
            if (kind.streamOf().applyAsLong(item) == stream) {
                deliver(stream, tracker.accept(item));
            }
        }
        if (page.hasMore()) {
            long next = nextAfter(page, afterSeq);
            if (next > afterSeq) {
                fetch(stream, next, startedAt);
                return;
            }
            finish(stream, new ConfabApiException(0, null, "Sync of " + kind.describe().apply(stream)
                    + " made no progress past seq " + afterSeq + "."));
            return;
        }
        if (tracker.hasGap(stream) && tracker.delivered(stream) <= startedAt) {
            finish(stream, new ConfabApiException(0, null, "After a full sync, " + kind.describe().apply(stream)
                    + " still misses seq " + (tracker.delivered(stream) + 1) + "."));
            return;
        }
        running.remove(stream);
        boolean asked = again.remove(stream);
        if (asked || tracker.hasGap(stream)) {
            start(stream);
        } else {
            startQueued();
        }
    }

    private long nextAfter(SeqPage<T> page, long afterSeq) {
        if (page.cursor() != null) {
            return page.cursor();
        }
        List<T> items = page.items();
        return items.isEmpty() ? afterSeq : kind.seqOf().applyAsLong(items.get(items.size() - 1));
    }

    private void finish(long stream, Throwable error) {
        running.remove(stream);
        again.remove(stream);
        if (!(error instanceof ConfabConnectionException)) {
            failures.accept(error);
        }
        startQueued();
    }

    private void startQueued() {
        var next = queued.iterator();
        while (running.size() < maxConcurrent && next.hasNext()) {
            long stream = next.next();
            next.remove();
            start(stream);
        }
    }

    private void deliver(long stream, List<T> items) {
        for (T item : items) {
            published.merge(stream, kind.seqOf().applyAsLong(item), Math::max);
            delivery.accept(item);
        }
    }
}
