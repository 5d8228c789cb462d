package dev.confab.client;

import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.ConversationView;
import java.util.function.Consumer;

/**
 * Walks every page of the caller's conversation list and hands each conversation to a consumer; used
 * to catch up after a (re)connect and after a {@code resync}. At most one walk runs at a time: asking
 * for a walk while one runs makes exactly one more follow it, so every request is served by a walk
 * that started after it. A walk that fails for a reason other than a lost connection is reported.
 * {@link #reset()} forgets the running walk (the connection dropped; its answers will not count).
 * Confined to the event thread.
 */
final class ConversationScan {
    private final Inbox.Requests requests;
    private final Consumer<ConversationView> visit;
    private final Consumer<Throwable> failures;
    private long epoch;
    private boolean walking;
    private boolean again;

    /**
     * @param visit    receives each conversation of each page
     * @param failures receives walks that failed for a reason other than a lost connection
     */
    ConversationScan(Inbox.Requests requests, Consumer<ConversationView> visit, Consumer<Throwable> failures) {
        this.requests = requests;
        this.visit = visit;
        this.failures = failures;
    }

    /** Starts a walk, or, while one runs, makes one more follow it. */
    void walk() {
        if (walking) {
            again = true;
            return;
        }
        walking = true;
        page(null, epoch);
    }

    /** Forgets the running walk and any walk asked to follow it. */
    void reset() {
        epoch++;
        walking = false;
        again = false;
    }

    private void page(String before, long walkEpoch) {
        FrameDispatcher.answerAs(requests.ask(id -> new ClientFrame.Conversations(id, before, null)),
                ServerFrame.Conversations.class, page -> page).whenComplete((page, error) -> {
                    if (walkEpoch != epoch) {
                        return;
                    }
                    if (error != null) {
                        if (!(error instanceof ConfabConnectionException)) {
                            failures.accept(error);
                        }
                        finished();
                        return;
                    }
                    page.conversations().forEach(visit);
                    if (page.hasMore()) {
                        page(page.cursor(), walkEpoch);
                    } else {
                        finished();
                    }
                });
    }

    private void finished() {
        walking = false;
        if (again) {
            again = false;
            walk();
        }
    }
}
