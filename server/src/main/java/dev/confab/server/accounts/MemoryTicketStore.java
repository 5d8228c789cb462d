package dev.confab.server.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link TicketStore} in this node's memory, for a single node. Expired tickets are dropped whenever a
 * new one is put, so memory follows the tickets in flight. Tickets are lost on restart, which only costs
 * the client a retry.
 */
public final class MemoryTicketStore implements TicketStore {
    private final Clock clock;
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();

    public MemoryTicketStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void put(String key, AuthenticatedSession session, Instant expiresAt) {
        Instant now = clock.instant();
        pending.values().removeIf(p -> !now.isBefore(p.expiresAt));
        if (now.isBefore(expiresAt)) {
            pending.put(key, new Pending(session, expiresAt));
        }
    }

    @Override
    public Optional<AuthenticatedSession> take(String key) {
        Pending p = pending.remove(key);
        return p == null || !clock.instant().isBefore(p.expiresAt) ? Optional.empty() : Optional.of(p.session);
    }

    private record Pending(AuthenticatedSession session, Instant expiresAt) {
    }
}
