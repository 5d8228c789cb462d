package dev.confab.client;

import dev.confab.protocol.model.MessagePage;
import dev.confab.protocol.model.MessageView;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Turns messages from any source (live pushes, acks of our own sends, sync pages) into one ordered,
 * deduplicated stream per conversation, and fetches what is missing.
 *
 * <p>A message that reveals a gap is held and the conversation is synced forward from the last
 * delivered seq, page after page while the server says {@code hasMore}, until the gap is closed. At
 * most one sync per conversation runs at a time and at most {@code maxConcurrent} in all; the rest
 * queue. A sync that ends with the gap still open is repeated if it made progress, and reported
 * otherwise. {@link #reset()} forgets running syncs (the connection dropped; their answers will not
 * come) but keeps delivery positions and held messages.
 *
 * <p>Confined to one thread: every method, and the completion of every future the {@link PageSource}
 * returns, must happen on the connection's event thread.
 */
final class CatchUp {

    /** Fetches a forward page: messages of a conversation with seq greater than {@code afterSeq}. */
    @FunctionalInterface
    interface PageSource {
        CompletableFuture<MessagePage> after(long conversationId, long afterSeq, int limit);
    }

    private final SeqTracker tracker;
    private final PageSource source;
    private final Consumer<MessageView> delivery;
    private final Consumer<Throwable> failures;
    private final int pageSize;
    private final int maxConcurrent;
    private final Set<Long> running = new HashSet<>();
    private final Set<Long> queued = new LinkedHashSet<>();
    private long epoch;

    CatchUp(SeqTracker tracker, PageSource source, Consumer<MessageView> delivery, Consumer<Throwable> failures,
            int pageSize, int maxConcurrent) {
        this.tracker = tracker;
        this.source = source;
        this.delivery = delivery;
        this.failures = failures;
        this.pageSize = pageSize;
        this.maxConcurrent = maxConcurrent;
    }

    /** Delivers what is in order now; starts a sync if the message sits behind a gap. */
    void accept(MessageView message) {
        deliver(tracker.accept(message));
        if (tracker.hasGap(message.conversationId())) {
            request(message.conversationId());
        }
    }

    /** Syncs the conversation if the server has messages past what was delivered. */
    void catchUpTo(long conversationId, long lastSeq) {
        if (lastSeq > tracker.delivered(conversationId)) {
            request(conversationId);
        }
    }

    /** Declares a known position (see {@link SeqTracker#advanceTo}) and delivers anything it unblocks. */
    void advanceTo(long conversationId, long seq) {
        deliver(tracker.advanceTo(conversationId, seq));
    }

    /** True while the conversation is being synced or waits for its turn. */
    boolean isSyncing(long conversationId) {
        return running.contains(conversationId) || queued.contains(conversationId);
    }

    /** Forgets all running and queued syncs; answers to them that still arrive are ignored. */
    void reset() {
        epoch++;
        running.clear();
        queued.clear();
    }

    private void request(long conversationId) {
        if (isSyncing(conversationId)) {
            return;
        }
        if (running.size() < maxConcurrent) {
            start(conversationId);
        } else {
            queued.add(conversationId);
        }
    }

    private void start(long conversationId) {
        running.add(conversationId);
        long from = tracker.delivered(conversationId);
        fetch(conversationId, from, from);
    }

    private void fetch(long conversationId, long afterSeq, long startedAt) {
        long fetchEpoch = epoch;
        source.after(conversationId, afterSeq, pageSize).whenComplete((page, error) -> {
            if (fetchEpoch != epoch) {
                return;
            }
            if (error != null) {
                finish(conversationId, FrameDispatcher.unwrap(error));
            } else {
                onPage(conversationId, afterSeq, startedAt, page);
            }
        });
    }

    private void onPage(long conversationId, long afterSeq, long startedAt, MessagePage page) {
        for (MessageView message : page.messages()) {
            if (message.conversationId() == conversationId) {
                deliver(tracker.accept(message));
            }
        }
        if (page.hasMore()) {
            long next = nextAfter(page, afterSeq);
            if (next > afterSeq) {
                fetch(conversationId, next, startedAt);
                return;
            }
            finish(conversationId, new ConfabApiException(0, null,
                    "Sync of conversation " + conversationId + " made no progress past seq " + afterSeq + "."));
            return;
        }
        if (tracker.hasGap(conversationId) && tracker.delivered(conversationId) <= startedAt) {
            finish(conversationId, new ConfabApiException(0, null, "Conversation " + conversationId
                    + " still misses messages after seq " + tracker.delivered(conversationId) + " after a full sync."));
            return;
        }
        running.remove(conversationId);
        if (tracker.hasGap(conversationId)) {
            start(conversationId);
        } else {
            startQueued();
        }
    }

    private static long nextAfter(MessagePage page, long afterSeq) {
        if (page.cursor() != null) {
            return page.cursor();
        }
        List<MessageView> messages = page.messages();
        return messages.isEmpty() ? afterSeq : messages.get(messages.size() - 1).seq();
    }

    private void finish(long conversationId, Throwable error) {
        running.remove(conversationId);
        if (!(error instanceof ConfabConnectionException)) {
            failures.accept(error);
        }
        startQueued();
    }

    private void startQueued() {
        var next = queued.iterator();
        while (running.size() < maxConcurrent && next.hasNext()) {
            long conversationId = next.next();
            next.remove();
            start(conversationId);
        }
    }

    private void deliver(List<MessageView> messages) {
        messages.forEach(delivery);
    }
}
