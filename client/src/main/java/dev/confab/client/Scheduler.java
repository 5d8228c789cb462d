package dev.confab.client;

import java.time.Duration;
import java.util.concurrent.Future;

/** Runs a task later, on the connection's event thread. */
@FunctionalInterface
interface Scheduler {
    /** Runs {@code task} after {@code delay}; cancelling the returned future prevents it if it has not run. */
    Future<?> schedule(Runnable task, Duration delay);
}
