package dev.confab.server.accounts;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.errors.ConfabException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Single-use, short-lived tickets that let a browser open the WebSocket without putting its bearer
 * token in a URL. A ticket is bound to the session that asked for it and is worth nothing once that
 * session ends. Pending tickets live in a {@link TicketStore} under the ticket's SHA-256 hash, so the
 * store never holds a usable secret. Blocking; thread-safe.
 */
public final class TicketService {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SessionTokens tokens;
    private final TicketStore store;
    private final Duration ttl;
    private final Clock clock;

    public TicketService(SessionTokens tokens, TicketStore store, Duration ttl, Clock clock) {
        this.tokens = tokens;
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Tickets kept in this node's memory ({@link MemoryTicketStore}): for a single node. */
    public TicketService(SessionTokens tokens, Duration ttl, Clock clock) {
        this(tokens, new MemoryTicketStore(clock), ttl, clock);
    }

    /** A new ticket for {@code who}; {@code unavailable} when the ticket store is unreachable. */
    public Ticket issue(AuthenticatedSession who) {
        String secret = tokens.newSecret();
        Instant expiresAt = clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(ttl);
        store.put(key(secret), who, expiresAt);
        return new Ticket(secret, expiresAt);
    }

    /**
     * The session a ticket was issued to; the ticket is consumed. {@code auth.unauthenticated} when it
     * is unknown, used or expired; {@code unavailable} when the ticket store is unreachable.
     */
    public AuthenticatedSession redeem(String ticket) {
        if (ticket == null) {
            throw unknown();
        }
        return store.take(key(ticket)).orElseThrow(TicketService::unknown);
    }

    private static ConfabException unknown() {
        return new ConfabException(ErrorCode.AUTH_UNAUTHENTICATED, "The ticket is unknown, used or expired.");
    }

    private String key(String ticket) {
        return BASE64URL.encodeToString(tokens.hash(ticket));
    }

    /** A ticket and when it stops working. */
    public record Ticket(String value, Instant expiresAt) {
    }
}
