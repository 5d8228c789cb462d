package dev.confab.server.cluster;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.events.UserEvent;
import java.util.Collection;

/**
 * Reaches live connections wherever they are.
 *
 * <p>Contract: non-blocking and thread-safe; safe to call from any thread, including event loops.
 * Delivery is a best-effort fast path: recipients without a live connection are skipped, and a
 * connection that cannot keep up is closed (it then recovers by sync). The database stays the truth,
 * so callers publish only after commit.
 */
public interface EventBus {

    /** Pushes {@code event} to every live connection of each recipient. */
    void publish(Collection<AccountId> recipients, UserEvent event);

    /** Closes every live connection of these sessions with close code SESSION_ENDED. */
    void endSessions(Collection<SessionId> sessions);
}
