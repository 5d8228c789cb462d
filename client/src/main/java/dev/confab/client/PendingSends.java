package dev.confab.client;

import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.model.SendAck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The sends that have no ack yet, in the order the application made them. Each keeps its client
 * message id for life, so that transmitting it again after a reconnect lets the server recognise it
 * and answer with the original ack instead of storing it twice.
 *
 * <p>At most {@code window} sends are in flight (transmitted on the current connection and unanswered)
 * at once; {@link #takeTransmittable()} hands out the next ones, oldest first. After a reconnect,
 * {@link #connectionLost()} makes every unacknowledged send transmittable again, in original order.
 * Not thread-safe.
 */
final class PendingSends {

    private static final class Entry {
        final ClientFrame.Send frame;
        final CompletableFuture<SendAck> result = new CompletableFuture<>();
        boolean inFlight;

        Entry(ClientFrame.Send frame) {
            this.frame = frame;
        }
    }

    private final Map<String, Entry> byClientId = new LinkedHashMap<>();
    private final int window;
    private int inFlight;

    PendingSends(int window) {
        this.window = window;
    }

    /**
     * Queues a send, keyed by its client message id. When a send with the same client message id is
     * already pending, the new one joins it: the server would answer both with the same ack.
     *
     * @return completes with the ack, or fails with the error the server answered
     */
    CompletableFuture<SendAck> add(ClientFrame.Send frame) {
        return byClientId.computeIfAbsent(frame.clientMessageId(), id -> new Entry(frame)).result;
    }

    /** The sends to transmit now, oldest first, within the window; they count as in flight from now. */
    List<ClientFrame.Send> takeTransmittable() {
        List<ClientFrame.Send> due = new ArrayList<>();
        for (Entry entry : byClientId.values()) {
            if (inFlight >= window) {
                break;
            }
            if (!entry.inFlight) {
                entry.inFlight = true;
                inFlight++;
                due.add(entry.frame);
            }
        }
        return due;
    }

    /** The connection dropped: every send without an ack must be transmitted again. */
    void connectionLost() {
        byClientId.values().forEach(entry -> entry.inFlight = false);
        inFlight = 0;
    }

    /** The pending send with this client message id, or null. */
    ClientFrame.Send find(String clientMessageId) {
        Entry entry = byClientId.get(clientMessageId);
        return entry == null ? null : entry.frame;
    }

    /** Completes and forgets the send the ack names. Returns false when no such send is pending. */
    boolean acknowledge(SendAck ack) {
        Entry entry = remove(ack.clientMessageId());
        if (entry == null) {
            return false;
        }
        entry.result.complete(ack);
        return true;
    }

    /** Fails and forgets one send (the server refused it). Returns false when no such send is pending. */
    boolean fail(String clientMessageId, Throwable error) {
        Entry entry = remove(clientMessageId);
        if (entry == null) {
            return false;
        }
        entry.result.completeExceptionally(error);
        return true;
    }

    /** Fails and forgets every pending send (the connection closed for good). */
    void failAll(Throwable error) {
        List<Entry> all = new ArrayList<>(byClientId.values());
        byClientId.clear();
        inFlight = 0;
        all.forEach(entry -> entry.result.completeExceptionally(error));
    }

    int size() {
        return byClientId.size();
    }

    int inFlight() {
        return inFlight;
    }

    private Entry remove(String clientMessageId) {
        Entry entry = byClientId.remove(clientMessageId);
        if (entry != null && entry.inFlight) {
            inFlight--;
        }
        return entry;
    }
}
