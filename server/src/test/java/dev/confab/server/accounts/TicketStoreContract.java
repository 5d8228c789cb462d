package dev.confab.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@link TicketStore} contract, which every implementation passes. */
public abstract class TicketStoreContract {

    private static final Duration TTL = Duration.ofSeconds(30);

    protected final MutableClock clock = new MutableClock();

    /** The store under test, on {@code clock}; it may hold tickets of other tests. */
    protected abstract TicketStore store(Clock clock);

    protected static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    protected static AuthenticatedSession session(String deviceId) {
        return new AuthenticatedSession(new AccountId(4711), "Alice", new SessionId("s-" + UUID.randomUUID()), deviceId);
    }

    private Instant expiresAt() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(TTL);
    }

    @Test
    void takeReturnsTheSessionThatWasPut() {
        TicketStore store = store(clock);
        String key = newKey();
        AuthenticatedSession alice = session("phone-1");
        store.put(key, alice, expiresAt());

        assertThat(store.take(key)).contains(alice);
    }

    @Test
    void keepsASessionWithoutDeviceId() {
        TicketStore store = store(clock);
        String key = newKey();
        AuthenticatedSession alice = session(null);
        store.put(key, alice, expiresAt());

        assertThat(store.take(key)).contains(alice);
    }

    @Test
    void aTicketIsTakenOnce() {
        TicketStore store = store(clock);
        String key = newKey();
        store.put(key, session("d"), expiresAt());

        assertThat(store.take(key)).isPresent();
        assertThat(store.take(key)).isEmpty();
    }

    @Test
    void unknownKeysGiveNothing() {
        assertThat(store(clock).take(newKey())).isEmpty();
    }

    @Test
    void eachKeyHoldsItsOwnTicket() {
        TicketStore store = store(clock);
        String first = newKey();
        String second = newKey();
        AuthenticatedSession alice = session("a");
        AuthenticatedSession bob = new AuthenticatedSession(new AccountId(4712), "bob", new SessionId("s-bob"), "b");
        store.put(first, alice, expiresAt());
        store.put(second, bob, expiresAt());

        assertThat(store.take(second)).contains(bob);
        assertThat(store.take(first)).contains(alice);
    }

    @Test
    void aTicketExpiresAtItsExpiry() {
        TicketStore store = store(clock);
        String early = newKey();
        String late = newKey();
        store.put(early, session("d"), expiresAt());
        store.put(late, session("d"), expiresAt());

        clock.advance(TTL.minusMillis(1));
        assertThat(store.take(early)).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(store.take(late)).isEmpty();
    }

    @Test
    void aTicketAlreadyExpiredIsNotKept() {
        TicketStore store = store(clock);
        String key = newKey();
        store.put(key, session("d"), clock.instant());

        assertThat(store.take(key)).isEmpty();
    }

    @Test
    void concurrentTakesHaveExactlyOneWinner() throws Exception {
        TicketStore store = store(clock);
        String key = newKey();
        AuthenticatedSession alice = session("d");
        store.put(key, alice, expiresAt());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<AuthenticatedSession>>> takes = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 32; i++) {
                takes.add(executor.submit(() -> {
                    start.await();
                    return store.take(key);
                }));
            }
            start.countDown();
            List<AuthenticatedSession> won = new ArrayList<>();
            for (Future<Optional<AuthenticatedSession>> take : takes) {
                take.get(60, TimeUnit.SECONDS).ifPresent(won::add);
            }
            assertThat(won).containsExactly(alice);
        }
    }
}
