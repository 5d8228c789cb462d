package dev.confab.client;

import dev.confab.protocol.frames.ServerFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

/**
 * Requests waiting for their answer, by request id. An answer completes its request; an {@code error}
 * frame fails it with {@link ConfabApiException}; a request not answered within its timeout fails with
 * {@link TimeoutException}. Ids are unique for the life of the connection. Confined to the event thread,
 * as are the timeouts the {@link Scheduler} runs.
 */
final class PendingRequests {

    private record Waiting(CompletableFuture<ServerFrame> answer, Future<?> timeout) {
    }

    private final Scheduler scheduler;
    private final Map<String, Waiting> byId = new HashMap<>();
    private long lastId;

    PendingRequests(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** A request id not used before on this connection. */
    String nextId() {
        return Long.toString(++lastId);
    }

    /**
     * Waits for the answer to request {@code id}.
     *
     * @param timeout how long to wait, or null to wait until answered or failed
     */
    CompletableFuture<ServerFrame> register(String id, Duration timeout) {
        CompletableFuture<ServerFrame> answer = new CompletableFuture<>();
        Future<?> timer = timeout == null ? null : scheduler.schedule(() -> expire(id, timeout), timeout);
        byId.put(id, new Waiting(answer, timer));
        return answer;
    }

    /** True while request {@code id} waits for its answer. */
    boolean isPending(String id) {
        return byId.containsKey(id);
    }

    /**
     * Completes request {@code id} with {@code frame}, or fails it when the frame is an {@code error}.
     * Returns false when no request with that id waits (unknown, answered before, or timed out).
     */
    boolean answer(String id, ServerFrame frame) {
        Waiting waiting = id == null ? null : remove(id);
        if (waiting == null) {
            return false;
        }
        if (frame instanceof ServerFrame.Error error) {
            waiting.answer.completeExceptionally(ConfabApiException.fromFrame(error.code(), error.message()));
        } else {
            waiting.answer.complete(frame);
        }
        return true;
    }

    /** Fails every waiting request except those in {@code keep}. */
    void failAllExcept(Set<String> keep, Throwable error) {
        List<Waiting> failed = new ArrayList<>();
        byId.entrySet().removeIf(entry -> {
            if (keep.contains(entry.getKey())) {
                return false;
            }
            failed.add(entry.getValue());
            return true;
        });
        failed.forEach(waiting -> fail(waiting, error));
    }

    /** Fails every waiting request. */
    void failAll(Throwable error) {
        failAllExcept(Set.of(), error);
    }

    int size() {
        return byId.size();
    }

    private void expire(String id, Duration timeout) {
        Waiting waiting = byId.remove(id);
        if (waiting != null) {
            waiting.answer.completeExceptionally(new TimeoutException("No answer to request " + id + " within " + timeout + "."));
        }
    }

    private Waiting remove(String id) {
        Waiting waiting = byId.remove(id);
        if (waiting != null && waiting.timeout != null) {
            waiting.timeout.cancel(false);
        }
        return waiting;
    }

    private static void fail(Waiting waiting, Throwable error) {
        if (waiting.timeout != null) {
            waiting.timeout.cancel(false);
        }
        waiting.answer.completeExceptionally(error);
    }
}
