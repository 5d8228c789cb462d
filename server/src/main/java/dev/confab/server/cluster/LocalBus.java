package dev.confab.server.cluster;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.events.UserEvent;
import java.util.Collection;
import java.util.function.Consumer;

/** The single-node {@link EventBus}: every connection and every cache is local. */
public final class LocalBus implements EventBus {
    private final LocalEndpoints endpoints;
    private final Consumer<ConversationId> forgetMembers;

    /** @param forgetMembers drops this node's cached members of a conversation */
    public LocalBus(LocalEndpoints endpoints, Consumer<ConversationId> forgetMembers) {
        this.endpoints = endpoints;
        this.forgetMembers = forgetMembers;
    }

    @Override
    public void publish(Collection<AccountId> recipients, UserEvent event) {
        endpoints.deliver(recipients, event);
    }

    @Override
    public void endSessions(Collection<SessionId> sessions, SessionEnd reason, String byDeviceName) {
        if (!sessions.isEmpty()) {
            endpoints.closeSessions(sessions, reason, byDeviceName);
        }
    }

    @Override
    public void membersChanged(ConversationId conversation) {
        forgetMembers.accept(conversation);
    }
}
