package dev.confab.cli.peer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the user types goes here: to the session of the peer connected now, or, while there is none
 * (a listener waiting, a UDP peer not started yet), held as SENDING until one comes. Also drives the
 * sessions' timers. Thread-safe.
 */
public final class PeerChat implements AutoCloseable {
    /** How often the current session's retransmit and timeout timers are checked. */
    static final Duration TICK = Duration.ofMillis(20);

    private record Held(UUID id, Instant time, byte[] payload) {
    }

    private final PeerObserver observer;
    private final PeerClock clock;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "peer-ticker");
        t.setDaemon(true);
        return t;
    });
    private final List<Held> held = new ArrayList<>();
    private PeerSession current;

    public PeerChat(PeerObserver observer, PeerClock clock) {
        this.observer = observer;
        this.clock = clock;
        ticker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Makes {@code session} the current one unless another is; held messages go to it. */
    public synchronized boolean tryAttach(PeerSession session) {
        if (current != null) {
            return false;
        }
        current = session;
        held.forEach(h -> session.send(h.id(), h.time(), h.payload()));
        held.clear();
        return true;
    }

    public synchronized void detach(PeerSession session) {
        if (current == session) {
            current = null;
        }
    }

    public synchronized boolean busy() {
        return current != null;
    }

    /** Sends a message as this side; returns its id. */
    public synchronized UUID send(byte[] payload) {
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        if (current != null) {
            current.send(id, now, payload);
        } else {
            held.add(new Held(id, now, payload));
            observer.chat(new ChatEntry(id, now, "me", true, payload, MessageStatus.SENDING, null, null));
            observer.application("no peer connected yet: the message goes out when one connects");
        }
        return id;
    }

    /**
     * Input has ended: waits until every message sent is ACKED or FAILED (each gets there on its own
     * through the session's timers), at most {@code max}. Returns the session to say goodbye to, or null.
     */
    public PeerSession drain(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            PeerSession session;
            synchronized (this) {
                for (Held h : held) {
                    observer.chat(new ChatEntry(h.id(), h.time(), "me", true, h.payload(), MessageStatus.FAILED, null,
                            "no peer to send it to"));
                }
                held.clear();
                session = current;
            }
            if (session == null || session.drained() || System.nanoTime() - deadline > 0) {
                return session;
            }
            // Polled: completion is driven by acks and timers on other threads; 20 ms is invisible to a user.
            Thread.sleep(TICK.toMillis());
        }
    }

    private void tick() {
        PeerSession session;
        synchronized (this) {
            session = current;
        }
        if (session != null) {
            try {
                session.tick();
            } catch (RuntimeException e) {
                observer.application("internal error in the timer: " + e);
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
