package dev.confab.server.api;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs blocking service calls (database, hashing) off the event loop — on virtual threads — and
 * completes the returned future back on the calling Vert.x context, so handlers stay single-threaded.
 */
public final class BlockingCalls {
    private final Vertx vertx;
    private final Executor executor;

    public BlockingCalls(Vertx vertx, Executor executor) {
        this.vertx = vertx;
        this.executor = executor;
    }

    public <T> Future<T> run(Callable<T> work) {
        Context context = vertx.getOrCreateContext();
        Promise<T> promise = Promise.promise();
        try {
            executor.execute(() -> {
                try {
                    T value = work.call();
                    context.runOnContext(v -> promise.complete(value));
                } catch (Throwable t) {
                    context.runOnContext(v -> promise.fail(t));
                }
            });
        } catch (RejectedExecutionException e) {
            promise.fail(new dev.confab.server.errors.ServerStoppingException());
        }
        return promise.future();
    }
}
