package dev.confab.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.CloseCodes;
import org.junit.jupiter.api.Test;

class AfterCloseTest {

    @Test
    void reconnectsAfterClosesThatSyncCanRecoverFrom() {
        assertThat(AfterClose.forCloseCode(CloseCodes.GOING_AWAY)).isEqualTo(AfterClose.RECONNECT);
        assertThat(AfterClose.forCloseCode(CloseCodes.HEARTBEAT_TIMEOUT)).isEqualTo(AfterClose.RECONNECT);
        assertThat(AfterClose.forCloseCode(CloseCodes.SLOW_CONSUMER)).isEqualTo(AfterClose.RECONNECT);
        assertThat(AfterClose.forCloseCode(CloseCodes.MESSAGE_TOO_BIG)).isEqualTo(AfterClose.RECONNECT);
        assertThat(AfterClose.forCloseCode(1006)).isEqualTo(AfterClose.RECONNECT);
        assertThat(AfterClose.forCloseCode(-1)).isEqualTo(AfterClose.RECONNECT);
    }

    @Test
    void anEndedSessionEndsTheConnection() {
        assertThat(AfterClose.forCloseCode(CloseCodes.SESSION_ENDED)).isEqualTo(AfterClose.END_SESSION);
        assertThat(AfterClose.forRefusedUpgrade(401)).isEqualTo(AfterClose.END_SESSION);
    }

    @Test
    void aReplacedSessionEndsTheConnection() {
        assertThat(AfterClose.forCloseCode(CloseCodes.SESSION_REPLACED)).isEqualTo(AfterClose.SESSION_REPLACED);
    }

    @Test
    void stopsWhenTheServerWillNotTakeTheClientAsItIs() {
        assertThat(AfterClose.forCloseCode(CloseCodes.POLICY_VIOLATION)).isEqualTo(AfterClose.STOP);
        assertThat(AfterClose.forRefusedUpgrade(403)).isEqualTo(AfterClose.STOP);
        assertThat(AfterClose.forRefusedUpgrade(404)).isEqualTo(AfterClose.STOP);
    }

    @Test
    void retriesUpgradesRefusedForPassingReasons() {
        assertThat(AfterClose.forRefusedUpgrade(429)).isEqualTo(AfterClose.RECONNECT);
        assertThat(AfterClose.forRefusedUpgrade(503)).isEqualTo(AfterClose.RECONNECT);
        assertThat(AfterClose.forRefusedUpgrade(500)).isEqualTo(AfterClose.RECONNECT);
    }
}
