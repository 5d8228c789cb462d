package dev.confab.server.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.server.accounts.AccountId;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link OfflineGrace}: announcements held back, cancelled by a return, and none once closed. */
class OfflineGraceTest {
    private static final AccountId ALICE = new AccountId(1);

    @Test
    void anAccountThatStaysAwayIsAnnouncedAfterTheGrace() {
        AtomicInteger announced = new AtomicInteger();
        try (OfflineGrace grace = new OfflineGrace(Duration.ofMillis(50))) {
            grace.wentOffline(ALICE, announced::incrementAndGet);

            await().atMost(Duration.ofSeconds(10)).until(() -> announced.get() == 1);
            assertThat(grace.cameBack(ALICE)).isFalse();
        }
    }

    @Test
    void anAccountBackWithinTheGraceIsNeverAnnounced() {
        AtomicInteger announced = new AtomicInteger();
        try (OfflineGrace grace = new OfflineGrace(Duration.ofHours(1))) {
            grace.wentOffline(ALICE, announced::incrementAndGet);

            assertThat(grace.cameBack(ALICE)).isTrue();
            assertThat(announced.get()).isZero();
        }
    }

    @Test
    void connectionsClosingWhileTheNodeStopsAnnounceNothingAndThrowNothing() {
        AtomicInteger announced = new AtomicInteger();
        OfflineGrace grace = new OfflineGrace(Duration.ofMillis(1));
        grace.close();

        grace.wentOffline(ALICE, announced::incrementAndGet);

        assertThat(grace.cameBack(ALICE)).isFalse();
        assertThat(announced.get()).isZero();
    }
}
