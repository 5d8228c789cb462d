package dev.confab.cli.peer;

import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when told. */
final class ManualClock implements PeerClock {
    private long nanos = 1_000_000_000L;

    @Override
    public synchronized Instant now() {
        return Instant.ofEpochSecond(1_700_000_000L).plusNanos(nanos);
    }

    @Override
    public synchronized long nanos() {
        return nanos;
    }

    synchronized void advance(Duration d) {
        nanos += d.toNanos();
    }
}
