package dev.confab.server.transport.ws;

import dev.confab.server.accounts.AuthenticatedSession;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One authenticated WebSocket. Frames to send go through a bounded outbound queue drained by a single
 * writer on the socket's own event loop; when the socket cannot keep up and the queue passes its
 * bound, the connection is closed with {@link dev.confab.protocol.CloseCodes#SLOW_CONSUMER} (the client
 * then reconnects and syncs — nothing is dropped silently).
 *
 * <p>A connection starts <em>held</em>: frames sent to it queue up (within the bound) but are not
 * written until {@link #release} writes the greeting first, so the greeting is always the first frame
 * even though the connection already receives pushes while the greeting is being prepared.
 *
 * <p>{@link #send} and {@link #close} are thread-safe; the rest runs on the socket's context. A frame
 * sent from that context while nothing is queued is written at once, without a queue hop.
 */
public final class WsConnection {
    private final ServerWebSocket socket;
    private final Context context;
    private final AuthenticatedSession session;
    private final int queueLimit;
    private final ConcurrentLinkedQueue<String> outbound = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean held = true;
    private volatile long lastInboundMillis;

    WsConnection(ServerWebSocket socket, Context context, AuthenticatedSession session, int queueLimit, long nowMillis) {
        this.socket = socket;
        this.context = context;
        this.session = session;
        this.queueLimit = queueLimit;
        this.lastInboundMillis = nowMillis;
    }

    public AuthenticatedSession session() {
        return session;
    }

    /** Queues one text frame; closes the connection as a slow consumer when the queue is full. */
    public void send(String frame) {
        if (enqueue(frame)) {
            context.runOnContext(v -> drain());
        }
    }

    /**
     * Queues one text frame as {@link #send} does, but leaves scheduling the drain to the caller: true
     * when the caller has taken on running {@link #drain} on {@link #context()} (the frame is queued and
     * no drain was pending). Lets a fan-out schedule one task per event loop instead of one per
     * connection ({@link FanOut}).
     */
    boolean enqueue(String frame) {
        if (closing.get()) {
            return false;
        }
        if (!held && Vertx.currentContext() == context && outbound.isEmpty() && !socket.isClosed() && !socket.writeQueueFull()) {
            socket.writeTextMessage(frame);
            return false;
        }
        if (queued.incrementAndGet() > queueLimit) {
            queued.decrementAndGet();
            close(dev.confab.protocol.CloseCodes.SLOW_CONSUMER, "outbound queue overflow");
            return false;
        }
        outbound.offer(frame);
        return !held && drainScheduled.compareAndSet(false, true);
    }

    /** The event loop context this socket belongs to; {@link #drain} must run there. */
    Context context() {
        return context;
    }

    /** Closes once with {@code code}; later calls do nothing. Frames still queued are discarded. */
    public void close(int code, String reason) {
        closeOnce(code, reason, false);
    }

    /** As {@link #close}, but frames already queued are written first (used for a graceful goodbye). */
    public void closeAfterQueued(int code, String reason) {
        closeOnce(code, reason, true);
    }

    private void closeOnce(int code, String reason, boolean flush) {
        if (closing.compareAndSet(false, true)) {
            context.runOnContext(v -> {
                String next;
                while (flush && (next = outbound.poll()) != null) {
                    socket.writeTextMessage(next);
                }
                outbound.clear();
                socket.close((short) code, reason);
            });
        }
    }

    public boolean isClosing() {
        return closing.get();
    }

    long lastInboundMillis() {
        return lastInboundMillis;
    }

    void markInbound(long nowMillis) {
        lastInboundMillis = nowMillis;
    }

    /** Sends a heartbeat ping on the socket's own context; a socket already gone is left to its close handler. */
    void ping() {
        if (closing.get()) {
            return;
        }
        context.runOnContext(v -> {
            if (!closing.get() && !socket.isClosed()) {
                socket.writePing(io.vertx.core.buffer.Buffer.buffer("hb"));
            }
        });
    }

    /**
     * Writes queued frames while the socket accepts them. Every exit either leaves the queue empty or
     * has a wake-up registered: a drain handler, re-checked after registering in case the socket became
     * writable in between. Runs on {@link #context()}.
     */
    void drain() {
        drainScheduled.set(false);
        if (closing.get() || held) {
            return;
        }
        if (socket.isClosed()) {
            outbound.clear();
            return;
        }
        while (!outbound.isEmpty()) {
            if (socket.writeQueueFull()) {
                socket.drainHandler(v -> drain());
                if (!socket.writeQueueFull()) {
                    scheduleDrain();
                }
                return;
            }
            String next = outbound.poll();
            queued.decrementAndGet();
            socket.writeTextMessage(next);
        }
    }

    /** Writes {@code greeting}, then everything queued meanwhile, and from then on writes normally. */
    public void release(String greeting) {
        context.runOnContext(v -> {
            if (closing.get() || socket.isClosed()) {
                return;
            }
            socket.writeTextMessage(greeting);
            held = false;
            drain();
        });
    }

    private void scheduleDrain() {
        if (!held && drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> drain());
        }
    }

}
