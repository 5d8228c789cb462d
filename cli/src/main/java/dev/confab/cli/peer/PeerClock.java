package dev.confab.cli.peer;

import java.time.Instant;

/** Wall time for display and monotonic time for round trips and timers; injected so tests can pin both. */
public interface PeerClock {
    PeerClock SYSTEM = new PeerClock() {
        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public long nanos() {
            return System.nanoTime();
        }
    };

    Instant now();

    long nanos();
}
