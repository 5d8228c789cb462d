package dev.confab.server.cluster;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.events.UserEvent;
import java.util.Collection;

/** The connections held by this node, as the bus sees them. Same threading contract as {@link EventBus}. */
public interface LocalEndpoints {

    void deliver(Collection<AccountId> recipients, UserEvent event);

    void closeSessions(Collection<SessionId> sessions);
}
