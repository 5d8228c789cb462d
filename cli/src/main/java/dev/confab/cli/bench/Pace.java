package dev.confab.cli.bench;

import io.vertx.core.Vertx;
import java.util.function.IntConsumer;

/**
 * Calls {@code send} at {@code perSecond} on average, in 1 ms ticks (a tick sends the whole number of
 * messages due since the last), from one event loop, until stopped.
 */
final class Pace {
    private final Vertx vertx;
    private long timer = -1;
    private long sent;

    Pace(Vertx vertx) {
        this.vertx = vertx;
    }

    void start(double perSecond, IntConsumer send) {
        long start = System.nanoTime();
        timer = vertx.setPeriodic(1, id -> {
            long due = (long) ((System.nanoTime() - start) / 1e9 * perSecond);
            while (sent < due) {
                send.accept((int) sent++);
            }
        });
    }

    long stop() {
        vertx.cancelTimer(timer);
        return sent;
    }
}
