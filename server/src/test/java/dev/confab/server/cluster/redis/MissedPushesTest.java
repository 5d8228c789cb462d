package dev.confab.server.cluster.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.cluster.SessionEnd;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissedPushesTest {

    @Test
    void failedMessagePushesResyncOnlyTheirRecipientsOnce() {
        MissedPushes missed = new MissedPushes(100);
        assertThat(missed.isEmpty()).isTrue();
        missed.failed(BusEnvelope.deliver("n1", new long[] {3, 1}, "{}"));
        missed.failed(BusEnvelope.deliver("n1", new long[] {1, 2}, "{}"));
        assertThat(missed.isEmpty()).isFalse();

        List<BusEnvelope> resyncs = missed.takeMakeUps("n1", 100);
        assertThat(resyncs).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(BusEnvelope.Kind.RESYNC);
            assertThat(e.from()).isEqualTo("n1");
            assertThat(e.to()).containsExactly(1, 2, 3);
        });
        assertThat(missed.isEmpty()).isTrue();
        assertThat(missed.takeMakeUps("n1", 100)).isEmpty();
    }

    @Test
    void manyRecipientsAreSplitAcrossEnvelopes() {
        MissedPushes missed = new MissedPushes(1000);
        long[] to = new long[250];
        for (int i = 0; i < to.length; i++) {
            to[i] = i + 1;
        }
        missed.failed(BusEnvelope.deliver("n1", to, "{}"));
        List<BusEnvelope> resyncs = missed.takeMakeUps("n1", 100);
        assertThat(resyncs).extracting(e -> e.to().length).containsExactly(100, 100, 50);
        assertThat(resyncs.stream().flatMapToLong(e -> java.util.Arrays.stream(e.to())).distinct().count()).isEqualTo(250);
    }

    @Test
    void aFailedTargetedResyncIsRememberedAgain() {
        MissedPushes missed = new MissedPushes(100);
        missed.failed(BusEnvelope.resync("n1", new long[] {7}));
        assertThat(missed.takeMakeUps("n1", 100)).singleElement().satisfies(e -> assertThat(e.to()).containsExactly(7));
    }

    @Test
    void failedSessionEndsArePublishedAgainBeforeTheResyncs() {
        MissedPushes missed = new MissedPushes(3);
        BusEnvelope logout = BusEnvelope.endSessions("n1", List.of("s1"), SessionEnd.ENDED, null);
        BusEnvelope replaced = BusEnvelope.endSessions("n1", List.of("s2", "s3"), SessionEnd.REPLACED, "phone");
        missed.failed(logout);
        missed.failed(BusEnvelope.deliver("n1", new long[] {4}, "{}"));
        missed.failed(replaced);
        assertThat(missed.isEmpty()).isFalse();
        List<BusEnvelope> makeUps = missed.takeMakeUps("n1", 100);
        assertThat(makeUps).hasSize(3);
        assertThat(makeUps.subList(0, 2)).containsExactly(logout, replaced);
        assertThat(makeUps.get(2).to()).containsExactly(4);
        assertThat(missed.isEmpty()).isTrue();

        missed.failed(BusEnvelope.endSessions("n1", List.of("a", "b", "c", "d"), SessionEnd.ENDED, null));
        assertThat(missed.takeMakeUps("n1", 100)).as("more sessions than remembered").singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(BusEnvelope.Kind.RESYNC));
    }

    @Test
    void aFailedMembershipChangeOrEveryoneResyncOrTooManyRecipientsResyncsEveryone() {
        for (BusEnvelope other : List.of(BusEnvelope.membersChanged("n1", 5), BusEnvelope.resync("n1"))) {
            MissedPushes missed = new MissedPushes(100);
            missed.failed(BusEnvelope.deliver("n1", new long[] {1}, "{}"));
            missed.failed(other);
            missed.failed(BusEnvelope.deliver("n1", new long[] {2}, "{}"));
            assertThat(missed.takeMakeUps("n1", 100)).as(other.kind().name())
                    .singleElement().satisfies(e -> assertThat(e.to()).isNull());
        }
        MissedPushes missed = new MissedPushes(2);
        missed.failed(BusEnvelope.deliver("n1", new long[] {1, 2, 3}, "{}"));
        assertThat(missed.takeMakeUps("n1", 100)).singleElement().satisfies(e -> assertThat(e.to()).isNull());
    }
}
