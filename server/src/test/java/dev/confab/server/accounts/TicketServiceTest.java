package dev.confab.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.errors.StoreUnavailableException;
import dev.confab.server.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketServiceTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock();
    private final SessionTokens tokens = new SessionTokens(new SecureRandom());
    private final AuthenticatedSession alice =
            new AuthenticatedSession(new AccountId(7), "alice", new SessionId("session-7"), "phone");

    @Test
    void aTicketRedeemsOnceForTheSessionItWasIssuedTo() {
        TicketService tickets = new TicketService(tokens, TTL, clock);

        TicketService.Ticket ticket = tickets.issue(alice);

        assertThat(ticket.expiresAt()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(TTL));
        assertThat(tickets.redeem(ticket.value())).isEqualTo(alice);
        assertUnauthenticated(() -> tickets.redeem(ticket.value()));
    }

    @Test
    void unknownMissingAndExpiredTicketsAreRefused() {
        TicketService tickets = new TicketService(tokens, TTL, clock);
        TicketService.Ticket ticket = tickets.issue(alice);

        assertUnauthenticated(() -> tickets.redeem(null));
        assertUnauthenticated(() -> tickets.redeem("not-a-ticket"));
        clock.advance(TTL);
        assertUnauthenticated(() -> tickets.redeem(ticket.value()));
    }

    @Test
    void theStoreHoldsTheTicketsHashNotTheTicket() {
        List<String> keys = new ArrayList<>();
        TicketStore memory = new MemoryTicketStore(clock);
        TicketStore recording = new TicketStore() {
            @Override
            public void put(String key, AuthenticatedSession session, Instant expiresAt) {
                keys.add(key);
                memory.put(key, session, expiresAt);
            }

            @Override
            public Optional<AuthenticatedSession> take(String key) {
                keys.add(key);
                return memory.take(key);
            }
        };
        TicketService tickets = new TicketService(tokens, recording, TTL, clock);

        String ticket = tickets.issue(alice).value();
        tickets.redeem(ticket);

        String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(tokens.hash(ticket));
        assertThat(keys).containsExactly(hash, hash).noneMatch(k -> k.contains(ticket));
    }

    @Test
    void anUnreachableStoreMakesIssuingAndRedeemingUnavailable() {
        TicketStore unreachable = new TicketStore() {
            @Override
            public void put(String key, AuthenticatedSession session, Instant expiresAt) {
                throw new StoreUnavailableException("tickets: unreachable");
            }

            @Override
            public Optional<AuthenticatedSession> take(String key) {
                throw new StoreUnavailableException("tickets: unreachable");
            }
        };
        TicketService tickets = new TicketService(tokens, unreachable, TTL, clock);

        assertThatThrownBy(() -> tickets.issue(alice)).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> tickets.redeem("some-ticket")).isInstanceOf(StoreUnavailableException.class)
                .extracting(e -> ((ConfabException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE);
    }

    private static void assertUnauthenticated(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(ConfabException.class)
                .extracting(e -> ((ConfabException) e).code()).isEqualTo(ErrorCode.AUTH_UNAUTHENTICATED);
    }
}
