package dev.confab.server.cluster;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.events.UserEvent;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** The connections held by this node, as the bus sees them. Same threading contract as {@link EventBus}. */
public interface LocalEndpoints {

    /** Queues {@code event} on every local connection of the recipients (except the one it skips). */
    void deliver(Collection<AccountId> recipients, UserEvent event);

    /** Queues an already encoded frame on every local connection of the recipients, except {@code skipConnection} (may be null). */
    void deliverFrame(Collection<AccountId> recipients, String frame, Object skipConnection);

    /** Closes the sessions' local connections, after a farewell frame where the reason has one. */
    void closeSessions(Collection<SessionId> sessions, SessionEnd reason, String byDeviceName);

    int connectionCount();

    /** The accounts with at least one connection here, a snapshot (used to spread a resync over time). */
    List<AccountId> connectedAccounts();

    /** How this node's connections encode events, so a bus can encode once and ship the text. */
    Function<UserEvent, String> encoder();
}
