package dev.confab.client;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One open WebSocket. Writes are queued and go out one after another (the JDK WebSocket allows only
 * one outstanding send); the first failed write, or {@link #drop}, reports the socket as failed, once.
 * Methods are called on the event thread; completions happen on the HTTP client's threads.
 */
final class LiveSocket {
    private final WebSocket socket;
    private final Consumer<Throwable> onFailure;
    private final AtomicBoolean failed = new AtomicBoolean();
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    LiveSocket(WebSocket socket, Consumer<Throwable> onFailure) {
        this.socket = socket;
        this.onFailure = onFailure;
    }

    /** Queues one text frame. */
    void send(String text) {
        tail = tail.thenCompose(ignored -> socket.sendText(text, true));
        tail.whenComplete((ignored, error) -> {
            if (error != null) {
                fail(error);
            }
        });
    }

    /** Sends a close frame after the queued frames; completes when it is written or cannot be. */
    CompletableFuture<?> close(int code, String reason) {
        tail = tail.handle((ignored, error) -> null).thenCompose(ignored -> socket.sendClose(code, reason));
        return tail;
    }

    /** Closes the socket abruptly, without a report. */
    void abort() {
        socket.abort();
    }

    /** Closes the socket abruptly and reports it failed (it was found dead). */
    void drop(String reason) {
        socket.abort();
        fail(new ConfabConnectionException(reason));
    }

    private void fail(Throwable error) {
        if (failed.compareAndSet(false, true)) {
            onFailure.accept(error);
        }
    }
}
