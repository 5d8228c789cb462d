package dev.confab.server.transport.ws;

import dev.confab.protocol.CloseCodes;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.cluster.LocalEndpoints;
import dev.confab.server.events.UserEvent;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * This node's live connections by account and by session. An event is encoded once, then queued on
 * each recipient connection. Thread-safe and non-blocking.
 */
public final class ConnectionRegistry implements LocalEndpoints {
    private final ConcurrentHashMap<AccountId, Set<WsConnection>> byAccount = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<SessionId, Set<WsConnection>> bySession = new ConcurrentHashMap<>();
    private final Function<UserEvent, String> encoder;

    /** @param encoder turns an event into the text frame that connections receive */
    public ConnectionRegistry(Function<UserEvent, String> encoder) {
        this.encoder = encoder;
    }

    void add(WsConnection connection) {
        byAccount.computeIfAbsent(connection.session().accountId(), k -> ConcurrentHashMap.newKeySet()).add(connection);
        bySession.computeIfAbsent(connection.session().sessionId(), k -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void remove(WsConnection connection) {
        removeFrom(byAccount, connection.session().accountId(), connection);
        removeFrom(bySession, connection.session().sessionId(), connection);
    }

    @Override
    public void deliver(Collection<AccountId> recipients, UserEvent event) {
        String frame = null;
        for (AccountId account : recipients) {
            Set<WsConnection> connections = byAccount.get(account);
            if (connections == null) {
                continue;
            }
            if (frame == null) {
                frame = encoder.apply(event);
            }
            for (WsConnection c : connections) {
                if (c != event.skipConnection()) {
                    c.send(frame);
                }
            }
        }
    }

    @Override
    public void closeSessions(Collection<SessionId> sessions) {
        for (SessionId id : sessions) {
            Set<WsConnection> connections = bySession.get(id);
            if (connections != null) {
                connections.forEach(c -> c.closeAfterQueued(CloseCodes.SESSION_ENDED, "session ended"));
            }
        }
    }

    /** A snapshot of every live connection. */
    public List<WsConnection> all() {
        return byAccount.values().stream().flatMap(Set::stream).toList();
    }

    public int size() {
        return byAccount.values().stream().mapToInt(Set::size).sum();
    }

    private static <K> void removeFrom(ConcurrentHashMap<K, Set<WsConnection>> map, K key, WsConnection c) {
        map.computeIfPresent(key, (k, set) -> {
            set.remove(c);
            return set.isEmpty() ? null : set;
        });
    }
}
