package dev.confab.cli.peer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Keeps everything a session shows, for assertions. Thread-safe. */
final class RecordingObserver implements PeerObserver {
    private final List<ChatEntry> history = new ArrayList<>();
    private final Map<UUID, ChatEntry> latest = new LinkedHashMap<>();
    private final List<NetworkEvent> network = new ArrayList<>();
    private final List<String> application = new ArrayList<>();

    @Override
    public synchronized void chat(ChatEntry entry) {
        history.add(entry);
        latest.put(entry.id(), entry);
    }

    @Override
    public synchronized void network(NetworkEvent event) {
        network.add(event);
    }

    @Override
    public synchronized void application(String text) {
        application.add(text);
    }

    synchronized List<ChatEntry> received() {
        return history.stream().filter(e -> e.status() == MessageStatus.RECEIVED).toList();
    }

    synchronized ChatEntry latest(UUID id) {
        return latest.get(id);
    }

    synchronized List<MessageStatus> statuses(UUID id) {
        return history.stream().filter(e -> e.id().equals(id)).map(ChatEntry::status).toList();
    }

    synchronized List<String> events(NetworkEvent.Kind kind) {
        return network.stream().filter(e -> e.kind() == kind).map(NetworkEvent::text).toList();
    }
}
