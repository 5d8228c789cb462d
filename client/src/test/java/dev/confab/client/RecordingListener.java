package dev.confab.client;

import dev.confab.protocol.model.EventView;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.PresenceView;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Remembers every callback and the threads they came from. */
final class RecordingListener implements ConnectionListener {
    final List<MessageView> messages = new CopyOnWriteArrayList<>();
    final List<EventView> events = new CopyOnWriteArrayList<>();
    final List<PresenceView> presence = new CopyOnWriteArrayList<>();
    final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    final AtomicInteger sessionEnded = new AtomicInteger();
    final List<Optional<String>> replacedBy = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(MessageView message) {
        threads.add(Thread.currentThread());
        messages.add(message);
    }

    @Override
    public void onEvent(EventView event) {
        threads.add(Thread.currentThread());
        events.add(event);
    }

    @Override
    public void onPresence(PresenceView update) {
        threads.add(Thread.currentThread());
        presence.add(update);
    }

    @Override
    public void onConnectionState(ConnectionState state) {
        threads.add(Thread.currentThread());
        states.add(state);
    }

    @Override
    public void onSessionEnded() {
        threads.add(Thread.currentThread());
        sessionEnded.incrementAndGet();
    }

    @Override
    public void onSessionReplaced(String byDeviceName) {
        threads.add(Thread.currentThread());
        replacedBy.add(Optional.ofNullable(byDeviceName));
    }

    @Override
    public void onError(Throwable error) {
        threads.add(Thread.currentThread());
        errors.add(error);
    }

    List<Long> eventSeqs() {
        return events.stream().map(EventView::seq).toList();
    }

    List<Long> seqs(long conversationId) {
        return messages.stream().filter(m -> m.conversationId() == conversationId).map(MessageView::seq).toList();
    }
}
