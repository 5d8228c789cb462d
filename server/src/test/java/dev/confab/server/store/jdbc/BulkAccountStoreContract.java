package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.server.accounts.Account;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.BulkAccountStore;
import dev.confab.server.accounts.BulkAccountStore.Batch;
import dev.confab.server.accounts.BulkAccountStore.Seat;
import dev.confab.server.accounts.BulkAccountStore.Seated;
import dev.confab.server.accounts.Session;
import dev.confab.server.accounts.SessionId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The {@link BulkAccountStore} contract. */
abstract class BulkAccountStoreContract extends StoreContract {

    private static final Instant T0 = Instant.parse("2030-04-01T10:00:00.123Z");
    private static final Instant EXPIRES = T0.plus(Duration.ofDays(90));

    private static Seat seat(String username) {
        return seat(username, username);
    }

    private static Seat seat(String username, String device) {
        SessionId id = new SessionId(uniqueName("session"));
        return new Seat(username, id, device, tokenHash(id));
    }

    private static byte[] tokenHash(SessionId session) {
        return ("hash of " + session.value()).getBytes(StandardCharsets.UTF_8);
    }

    private static Batch batch(List<Seat> seats, boolean replaceAll) {
        return new Batch(seats, "shared-hash", "bench", T0, EXPIRES, replaceAll);
    }

    private static List<Seat> seats(String prefix, int count) {
        List<Seat> seats = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            seats.add(seat(prefix + n));
        }
        return seats;
    }

    @Test
    void createsEveryAccountWithItsSessionInSeatOrder() {
        String prefix = uniqueName("b") + "-";
        List<Seat> seats = seats(prefix, 1_234);

        BulkAccountStore.Result result = stores().bulkAccounts().provision(batch(seats, false));

        assertThat(result.replaced()).isEmpty();
        assertThat(result.accounts()).hasSize(seats.size()).allMatch(Seated::created);
        assertThat(result.accounts()).extracting(Seated::username).containsExactlyElementsOf(
                seats.stream().map(Seat::username).toList());
        assertThat(result.accounts()).extracting(Seated::id).doesNotHaveDuplicates();
        for (int n : new int[] {0, 499, 500, 1_233}) {
            Seated seated = result.accounts().get(n);
            Account account = stores().accounts().findByUsername(prefix + n).orElseThrow();
            assertThat(account.id()).isEqualTo(seated.id());
            assertThat(account.passwordHash()).isEqualTo("shared-hash");
            assertThat(account.createdAt()).isEqualTo(T0);
            assertThat(account.findableByEmail()).isTrue();
            Seat seat = seats.get(n);
            assertThat(stores().sessions().findByTokenHash(seat.tokenHash())).contains(
                    new Session(seat.sessionId(), seated.id(), prefix + n, "bench", T0, T0, EXPIRES));
        }
    }

    @Test
    void reusesAccountsThatExistIgnoringCaseAndReplacesOnlyTheSessionOnTheSameDevice() {
        String name = uniqueName("Reused");
        Account existing = stores().accounts().create(newAccountInput(name));
        Session onDevice = session(existing.id(), name.toLowerCase(Locale.ROOT));
        Session otherDevice = session(existing.id(), "laptop");
        String fresh = uniqueName("fresh");
        Seat reusedSeat = seat(name.toLowerCase(Locale.ROOT));

        BulkAccountStore.Result result = stores().bulkAccounts().provision(batch(List.of(reusedSeat, seat(fresh)), false));

        assertThat(result.accounts().getFirst()).isEqualTo(new Seated(existing.id(), name, false));
        assertThat(result.accounts().get(1).created()).isTrue();
        assertThat(result.replaced()).containsExactly(onDevice.id());
        assertThat(stores().accounts().findById(existing.id()).orElseThrow().passwordHash())
                .as("a reused account keeps its password").isEqualTo(existing.passwordHash());
        assertThat(stores().sessions().listByAccount(existing.id())).extracting(Session::id)
                .containsExactlyInAnyOrder(reusedSeat.sessionId(), otherDevice.id());
    }

    @Test
    void replacingAllEndsEveryOtherSessionOfAReusedAccount() {
        AccountId account = newAccount();
        String username = stores().accounts().findById(account).orElseThrow().username();
        Session phone = session(account, "phone");
        Session laptop = session(account, "laptop");
        Seat seat = seat(username);

        BulkAccountStore.Result result = stores().bulkAccounts().provision(batch(List.of(seat), true));

        assertThat(result.replaced()).containsExactlyInAnyOrder(phone.id(), laptop.id());
        assertThat(stores().sessions().listByAccount(account)).extracting(Session::id).containsExactly(seat.sessionId());
    }

    @Test
    void runningAgainReusesTheAccountsAndReplacesTheirSessions() {
        String prefix = uniqueName("again") + "-";
        BulkAccountStore.Result first = stores().bulkAccounts().provision(batch(seats(prefix, 600), false));
        List<Seat> secondSeats = seats(prefix, 600);

        BulkAccountStore.Result second = stores().bulkAccounts().provision(batch(secondSeats, false));

        assertThat(second.accounts()).extracting(Seated::id)
                .containsExactlyElementsOf(first.accounts().stream().map(Seated::id).toList());
        assertThat(second.accounts()).noneMatch(Seated::created);
        assertThat(second.replaced()).hasSize(600);
        assertThat(stores().sessions().listByAccount(first.accounts().get(599).id())).extracting(Session::id)
                .containsExactly(secondSeats.get(599).sessionId());
    }

    @Test
    void concurrentCallsForTheSameNamesShareTheAccounts() throws Exception {
        String prefix = uniqueName("race") + "-";

        List<BulkAccountStore.Result> results = concurrently(4, i ->
                stores().bulkAccounts().provision(batch(seats(prefix, 300), false)));

        List<AccountId> ids = results.getFirst().accounts().stream().map(Seated::id).toList();
        for (BulkAccountStore.Result result : results) {
            assertThat(result.accounts()).extracting(Seated::id).containsExactlyElementsOf(ids);
        }
        assertThat(results.stream().mapToLong(r -> r.accounts().stream().filter(Seated::created).count()).sum())
                .isEqualTo(300);
        assertThat(stores().sessions().listByAccount(ids.get(150))).hasSize(1);
    }

    @Test
    void refusesTwoSeatsWithOneName() {
        String name = uniqueName("twice");
        assertThatThrownBy(() -> stores().bulkAccounts().provision(batch(List.of(seat(name), seat(name.toUpperCase(Locale.ROOT))),
                false))).isInstanceOf(IllegalArgumentException.class);
        assertThat(stores().accounts().findByUsername(name)).isEmpty();
    }

    private Session session(AccountId account, String device) {
        Session session = new Session(new SessionId(uniqueName("session")), account, device, null, T0, T0, EXPIRES);
        stores().sessions().create(session, tokenHash(session.id()));
        return session;
    }
}
