package dev.confab.cli.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes. */
final class Waits {
    private Waits() {
    }

    /** True when {@code condition} held before {@code limit}; false (and a note on stderr) otherwise. */
    static boolean until(Duration limit, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                System.err.println("bench: gave up waiting for " + what + " after " + limit.toSeconds() + "s");
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
