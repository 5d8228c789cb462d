package dev.confab.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns a connection's state and calls its listener. Tasks run one at a time in
 * the order posted. After {@link #shutdown()} nothing new is accepted and delayed tasks are dropped.
 * The thread is a daemon: a forgotten connection does not keep the JVM alive.
 */
final class EventThread implements Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(EventThread.class);

    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    EventThread(String name) {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Queues {@code task}; returns false when the thread has shut down. */
    boolean post(Runnable task) {
        try {
            executor.execute(() -> runGuarded(task));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    @Override
    public Future<?> schedule(Runnable task, Duration delay) {
        try {
            return executor.schedule(() -> runGuarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Runs {@code task} every {@code period}, first after one period, until cancelled or shut down. */
    Future<?> every(Duration period, Runnable task) {
        try {
            return executor.scheduleAtFixedRate(() -> runGuarded(task), period.toNanos(), period.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** True when called from this thread. */
    boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    /** Accepts nothing more; tasks already queued still run, delayed ones are dropped. */
    void shutdown() {
        executor.shutdown();
    }

    private static void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.error("connection task failed", e);
        }
    }
}
