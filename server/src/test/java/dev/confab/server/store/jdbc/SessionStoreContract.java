package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.Session;
import dev.confab.server.accounts.SessionId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link dev.confab.server.accounts.SessionStore} contract. */
abstract class SessionStoreContract extends StoreContract {

    private static final Instant T0 = Instant.parse("2030-03-01T10:00:00Z");

    private static Session session(AccountId account, String device, Instant createdAt) {
        return new Session(new SessionId(uniqueName("session")), account, device, "Phone of " + device, createdAt,
                createdAt, createdAt.plus(Duration.ofDays(30)));
    }

    private static byte[] tokenHash(Session session) {
        return ("hash of " + session.id().value()).getBytes(StandardCharsets.UTF_8);
    }

    private Session create(AccountId account, String device, Instant createdAt) {
        Session session = session(account, device, createdAt);
        assertThat(stores().sessions().create(session, tokenHash(session))).isEmpty();
        return session;
    }

    @Test
    void findsASessionByItsTokenHash() {
        Session session = create(newAccount(), "laptop", T0.plusNanos(123_456_789));

        Session expected = new Session(session.id(), session.accountId(), "laptop", "Phone of laptop",
                T0.plusMillis(123), T0.plusMillis(123), T0.plusMillis(123).plus(Duration.ofDays(30)));
        assertThat(stores().sessions().findByTokenHash(tokenHash(session))).contains(expected);
        assertThat(stores().sessions().findByTokenHash(new byte[] {1, 2, 3})).isEmpty();
    }

    @Test
    void aNewSessionOnTheSameDeviceReplacesTheOldOne() {
        AccountId account = newAccount();
        Session old = create(account, "phone", T0);
        Session otherDevice = create(account, "laptop", T0);
        Session fresh = session(account, "phone", T0.plusSeconds(5));

        List<SessionId> replaced = stores().sessions().create(fresh, tokenHash(fresh));

        assertThat(replaced).containsExactly(old.id());
        assertThat(stores().sessions().findByTokenHash(tokenHash(old))).isEmpty();
        assertThat(stores().sessions().findByTokenHash(tokenHash(fresh))).isPresent();
        assertThat(stores().sessions().listByAccount(account)).extracting(Session::id)
                .containsExactly(fresh.id(), otherDevice.id());
    }

    @Test
    void concurrentSignInsOnOneDeviceLeaveOneSessionAndReportEveryReplacedOne() throws Exception {
        AccountId account = newAccount();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sessions.add(session(account, "tablet", T0.plusSeconds(i)));
        }

        List<List<SessionId>> replaced = concurrently(10, i ->
                stores().sessions().create(sessions.get(i), tokenHash(sessions.get(i))));

        List<Session> remaining = stores().sessions().listByAccount(account);
        assertThat(remaining).hasSize(1);
        List<SessionId> allReplaced = replaced.stream().flatMap(List::stream).toList();
        assertThat(allReplaced).doesNotHaveDuplicates().hasSize(9).doesNotContain(remaining.getFirst().id());
    }

    @Test
    void touchSkipsRecentUseAndRecordsOlderUse() {
        Session session = create(newAccount(), "phone", T0);

        stores().sessions().touch(session.id(), T0.plusSeconds(30));
        assertThat(stores().sessions().findByTokenHash(tokenHash(session)).orElseThrow().lastUsedAt()).isEqualTo(T0);

        stores().sessions().touch(session.id(), T0.plusSeconds(61));
        assertThat(stores().sessions().findByTokenHash(tokenHash(session)).orElseThrow().lastUsedAt())
                .isEqualTo(T0.plusSeconds(61));

        stores().sessions().touch(session.id(), T0);
        assertThat(stores().sessions().findByTokenHash(tokenHash(session)).orElseThrow().lastUsedAt())
                .isEqualTo(T0.plusSeconds(61));
    }

    @Test
    void deletesOnlyASessionOfTheGivenAccount() {
        AccountId owner = newAccount();
        Session session = create(owner, "phone", T0);

        assertThat(stores().sessions().delete(newAccount(), session.id())).isFalse();
        assertThat(stores().sessions().delete(owner, session.id())).isTrue();
        assertThat(stores().sessions().delete(owner, session.id())).isFalse();
        assertThat(stores().sessions().findByTokenHash(tokenHash(session))).isEmpty();
    }

    @Test
    void deletesAllSessionsButTheOneToKeep() {
        AccountId account = newAccount();
        Session keep = create(account, "a", T0);
        Session second = create(account, "b", T0);
        Session third = create(account, "c", T0);
        Session otherAccount = create(newAccount(), "a", T0);

        assertThat(stores().sessions().deleteAllExcept(account, keep.id()))
                .containsExactlyInAnyOrder(second.id(), third.id());
        assertThat(stores().sessions().listByAccount(account)).extracting(Session::id).containsExactly(keep.id());
        assertThat(stores().sessions().deleteAllExcept(account, null)).containsExactly(keep.id());
        assertThat(stores().sessions().findByTokenHash(tokenHash(otherAccount))).isPresent();
    }

    @Test
    void deletesSessionsPastTheirExpiryOrIdleLimit() {
        Instant now = Instant.parse("2040-01-01T00:00:00Z");
        AccountId account = newAccount();
        Session expired = new Session(new SessionId(uniqueName("expired")), account, "a", null,
                now.minusSeconds(100), now.minusSeconds(10), now);
        Session idle = new Session(new SessionId(uniqueName("idle")), account, "b", null,
                now.minusSeconds(100), now.minus(Duration.ofHours(1)), now.plusSeconds(100));
        Session live = new Session(new SessionId(uniqueName("live")), account, "c", null,
                now.minusSeconds(100), now.minus(Duration.ofMinutes(59)), now.plusMillis(1));
        for (Session session : List.of(expired, idle, live)) {
            stores().sessions().create(session, tokenHash(session));
        }

        int deleted = stores().sessions().deleteExpired(now, Duration.ofHours(1)).size();

        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(stores().sessions().listByAccount(account)).extracting(Session::id).containsExactly(live.id());
    }
}
