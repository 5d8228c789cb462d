package dev.confab.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Message counts of a run; thread-safe. */
final class Counters {
    final AtomicLong sent = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong errors = new AtomicLong();

    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sent", sent.get());
        m.put("acked", acked.get());
        m.put("received", received.get());
        m.put("errors", errors.get());
        return m;
    }
}
