package dev.confab.cli.peer;

import java.util.ArrayList;
import java.util.List;

/** A message this side sent that is not yet ACKED or FAILED. Guarded by its session's lock. */
final class Outgoing {
    ChatEntry entry;
    final byte[] payload;
    /** Monotonic send time of each transmission; index 0 is attempt 1. Empty while waiting for a peer. */
    final List<Long> sentNanos = new ArrayList<>();
    /** Monotonic time of the next retransmission (datagrams) or of giving up (streams). */
    long deadlineNanos;

    /** Monotonic time the user sent it; a message waiting for a peer gives up counting from here. */
    final long queuedNanos;

    Outgoing(ChatEntry entry, byte[] payload, long queuedNanos) {
        this.entry = entry;
        this.payload = payload;
        this.queuedNanos = queuedNanos;
    }

    int attempts() {
        return sentNanos.size();
    }

    boolean waiting() {
        return sentNanos.isEmpty();
    }
}
