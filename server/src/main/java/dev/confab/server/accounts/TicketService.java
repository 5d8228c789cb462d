package dev.confab.server.accounts;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.errors.ConfabException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-use, short-lived tickets that let a browser open the WebSocket without putting its bearer
 * token in a URL. A ticket is bound to the session that asked for it and is worth nothing once that
 * session ends. Thread-safe; kept in memory (a ticket is redeemed on the node that issued it, seconds
 * later, so losing tickets on restart only costs a retry).
 */
public final class TicketService {
    private final SessionTokens tokens;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();

    public TicketService(SessionTokens tokens, Duration ttl, Clock clock) {
        this.tokens = tokens;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Ticket issue(AuthenticatedSession who) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        pending.values().removeIf(p -> !now.isBefore(p.expiresAt));
        String secret = tokens.newSecret();
        Instant expiresAt = now.plus(ttl);
        pending.put(secret, new Pending(who, expiresAt));
        return new Ticket(secret, expiresAt);
    }

    /** The session a ticket was issued to; the ticket is consumed. {@code auth.unauthenticated} otherwise. */
    public AuthenticatedSession redeem(String ticket) {
        Pending p = ticket == null ? null : pending.remove(ticket);
        if (p == null || !clock.instant().isBefore(p.expiresAt)) {
            throw new ConfabException(ErrorCode.AUTH_UNAUTHENTICATED, "The ticket is unknown, used or expired.");
        }
        return p.session;
    }

    /** A ticket and when it stops working. */
    public record Ticket(String value, Instant expiresAt) {
    }

    private record Pending(AuthenticatedSession session, Instant expiresAt) {
    }
}
