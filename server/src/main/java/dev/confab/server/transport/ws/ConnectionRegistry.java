package dev.confab.server.transport.ws;

import dev.confab.protocol.CloseCodes;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.cluster.LocalEndpoints;
import dev.confab.server.cluster.SessionEnd;
import dev.confab.server.events.UserEvent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * This node's live connections by account and by session. An event is encoded once, then queued on
 * each recipient connection. Thread-safe and non-blocking.
 *
 * <p>An account's (and a session's) connections are an array replaced whole on every change, inside the
 * map's atomic {@code compute}: readers iterate a snapshot without locking, and an account with one
 * connection costs one map entry and a one-element array (a concurrent set per key cost about 230 bytes
 * more, twice per connection).
 */
public final class ConnectionRegistry implements LocalEndpoints {
    private static final WsConnection[] NONE = new WsConnection[0];

    private final ConcurrentHashMap<AccountId, WsConnection[]> byAccount = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<SessionId, WsConnection[]> bySession = new ConcurrentHashMap<>();
    private final Function<UserEvent, String> encoder;
    private final java.util.function.BiFunction<SessionEnd, String, String> farewell;

    /**
     * @param encoder  turns an event into the text frame that connections receive
     * @param farewell the frame sent before closing a session's connections, given the reason and the
     *                 replacing device's name; null (or a null frame) for none
     */
    public ConnectionRegistry(Function<UserEvent, String> encoder,
                              java.util.function.BiFunction<SessionEnd, String, String> farewell) {
        this.encoder = encoder;
        this.farewell = farewell;
    }

    void add(WsConnection connection) {
        addTo(byAccount, connection.session().accountId(), connection);
        addTo(bySession, connection.session().sessionId(), connection);
    }

    void remove(WsConnection connection) {
        removeFrom(byAccount, connection.session().accountId(), connection);
        removeFrom(bySession, connection.session().sessionId(), connection);
    }

    @Override
    public void deliver(Collection<AccountId> recipients, UserEvent event) {
        String frame = null;
        FanOut fanOut = new FanOut();
        for (AccountId account : recipients) {
            WsConnection[] connections = byAccount.get(account);
            if (connections == null) {
                continue;
            }
            if (frame == null) {
                frame = encoder.apply(event);
            }
            fanOut.add(connections, frame, event.skipConnection());
        }
        fanOut.schedule();
    }

    @Override
    public void deliverFrame(Collection<AccountId> recipients, String frame, Object skipConnection) {
        FanOut fanOut = new FanOut();
        for (AccountId account : recipients) {
            WsConnection[] connections = byAccount.get(account);
            if (connections != null) {
                fanOut.add(connections, frame, skipConnection);
            }
        }
        fanOut.schedule();
    }

    @Override
    public void closeSessions(Collection<SessionId> sessions, SessionEnd reason, String byDeviceName) {
        int code = reason == SessionEnd.REPLACED ? CloseCodes.SESSION_REPLACED : CloseCodes.SESSION_ENDED;
        String why = reason == SessionEnd.REPLACED ? "signed in elsewhere" : "session ended";
        for (SessionId id : sessions) {
            WsConnection[] connections = bySession.get(id);
            if (connections == null) {
                continue;
            }
            String frame = farewell == null ? null : farewell.apply(reason, byDeviceName);
            for (WsConnection c : connections) {
                if (frame != null) {
                    c.send(frame);
                }
                c.closeAfterQueued(code, why);
            }
        }
    }

    @Override
    public int connectionCount() {
        return byAccount.values().stream().mapToInt(c -> c.length).sum();
    }

    @Override
    public List<AccountId> connectedAccounts() {
        return List.copyOf(byAccount.keySet());
    }

    @Override
    public Function<UserEvent, String> encoder() {
        return encoder;
    }

    /** Runs {@code action} on every live connection, without copying them into a list first. */
    void forEach(java.util.function.Consumer<WsConnection> action) {
        for (WsConnection[] connections : byAccount.values()) {
            for (WsConnection c : connections) {
                action.accept(c);
            }
        }
    }

    /** A snapshot of every live connection. */
    public List<WsConnection> all() {
        return byAccount.values().stream().flatMap(Arrays::stream).toList();
    }

    private static <K> void addTo(ConcurrentHashMap<K, WsConnection[]> map, K key, WsConnection c) {
        map.compute(key, (k, present) -> {
            WsConnection[] old = present == null ? NONE : present;
            for (WsConnection existing : old) {
                if (existing == c) {
                    return old;
                }
            }
            WsConnection[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = c;
            return grown;
        });
    }

    private static <K> void removeFrom(ConcurrentHashMap<K, WsConnection[]> map, K key, WsConnection c) {
        map.computeIfPresent(key, (k, present) -> {
            WsConnection[] kept = Arrays.stream(present).filter(existing -> existing != c).toArray(WsConnection[]::new);
            return kept.length == 0 ? null : kept;
        });
    }
}
