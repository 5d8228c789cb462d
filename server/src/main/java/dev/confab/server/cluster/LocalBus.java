package dev.confab.server.cluster;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.events.UserEvent;
import java.util.Collection;

/** The single-node {@link EventBus}: every connection is local. */
public final class LocalBus implements EventBus {
    private final LocalEndpoints endpoints;

    public LocalBus(LocalEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public void publish(Collection<AccountId> recipients, UserEvent event) {
        endpoints.deliver(recipients, event);
    }

    @Override
    public void endSessions(Collection<SessionId> sessions) {
        if (!sessions.isEmpty()) {
            endpoints.closeSessions(sessions);
        }
    }
}
