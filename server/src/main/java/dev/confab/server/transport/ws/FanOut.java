package dev.confab.server.transport.ws;

import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * One frame queued on many connections, drained with one task per event loop rather than one per
 * connection. A message to a 10,000-member room would otherwise post 10,000 tasks (and as many
 * event-loop wake-ups) to the two to four loops that own the sockets; grouped, each loop gets one task
 * that drains its connections in turn. Not thread-safe: one fan-out per delivering thread, scheduled
 * once.
 */
final class FanOut {
    private final IdentityHashMap<Context, List<WsConnection>> toDrain = new IdentityHashMap<>(8);

    /** Queues {@code frame} on each of {@code connections} except {@code skip}. */
    void add(WsConnection[] connections, String frame, Object skip) {
        for (WsConnection c : connections) {
            if (c != skip && c.enqueue(frame)) {
                toDrain.computeIfAbsent(c.context(), k -> new ArrayList<>()).add(c);
            }
        }
    }

    /** Posts one drain task per event loop that has connections to drain. */
    void schedule() {
        toDrain.forEach((context, connections) -> context.runOnContext(v -> {
            for (WsConnection c : connections) {
                c.drain();
            }
        }));
    }
}
