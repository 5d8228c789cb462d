package dev.confab.server.accounts;

import java.time.Instant;
import java.util.Optional;

/**
 * Pending WebSocket tickets, each held under a key until it is taken or expires. {@link TicketService}
 * passes the ticket's hash as the key, never the ticket itself. A single node keeps them in memory; a
 * cluster shares them, because a browser redeems its ticket on whichever node it reaches.
 *
 * <p>Contract: blocking, thread-safe. A ticket is taken at most once: of concurrent {@link #take} calls
 * for one key, exactly one gets the session. A ticket is expired once the store's clock reaches its
 * {@code expiresAt}. Throws {@link dev.confab.server.errors.StoreUnavailableException} when the shared
 * state is unreachable.
 */
public interface TicketStore {

    /** Holds {@code session} under {@code key} until {@code expiresAt}; a ticket already expired is not kept. */
    void put(String key, AuthenticatedSession session, Instant expiresAt);

    /** Removes the ticket under {@code key} and returns its session; empty when unknown, taken or expired. */
    Optional<AuthenticatedSession> take(String key);
}
