package dev.confab.server.cluster;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.events.UserEvent;
import java.util.Collection;

/**
 * Reaches live connections wherever they are: on this node, or (in a cluster) on any node.
 *
 * <p>Contract: non-blocking and thread-safe; safe to call from any thread, including event loops.
 * Delivery is a best-effort fast path: recipients without a live connection are skipped, and a
 * connection that cannot keep up is closed (it then recovers by sync). The database stays the truth,
 * so callers publish only after commit. Calls made by one thread reach each node in the order made.
 */
public interface EventBus {

    /** Pushes {@code event} to every live connection of each recipient. */
    void publish(Collection<AccountId> recipients, UserEvent event);

    /**
     * Closes every live connection of these sessions, saying why; {@code byDeviceName} names the device
     * whose login replaced them ({@link SessionEnd#REPLACED}), or is null.
     */
    void endSessions(Collection<SessionId> sessions, SessionEnd reason, String byDeviceName);

    /** As {@link #endSessions(Collection, SessionEnd, String)} for sessions that were logged out, revoked or expired. */
    default void endSessions(Collection<SessionId> sessions) {
        endSessions(sessions, SessionEnd.ENDED, null);
    }

    /**
     * The members of {@code conversation} changed (already committed): this node forgets what it cached
     * about them before the call returns, other nodes as soon as the notice reaches them (one bus hop;
     * a send fanned out on another node in between may still use the old list, which at worst shows a
     * just-removed member one more live message).
     */
    void membersChanged(ConversationId conversation);
}
