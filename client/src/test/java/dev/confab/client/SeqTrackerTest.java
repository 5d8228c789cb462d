package dev.confab.client;

import static dev.confab.client.TestEvents.event;
import static dev.confab.client.TestMessages.message;
import static dev.confab.client.TestMessages.seqs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.model.EventView;
import dev.confab.protocol.model.MessageView;
import org.junit.jupiter.api.Test;

class SeqTrackerTest {
    private final SeqTracker<MessageView> tracker = new SeqTracker<>(StreamKind.MESSAGES);

    @Test
    void tracksEachConversationOnItsOwn() {
        tracker.accept(message(1, 1));
        tracker.accept(message(2, 3));

        assertThat(tracker.delivered(1)).isEqualTo(1);
        assertThat(tracker.delivered(2)).isZero();
        assertThat(tracker.hasGap(1)).isFalse();
        assertThat(tracker.hasGap(2)).isTrue();
        assertThat(seqs(tracker.accept(message(1, 2)))).containsExactly(2L);
    }

    @Test
    void anUnknownConversationStartsAtZero() {
        assertThat(tracker.delivered(9)).isZero();
        assertThat(tracker.hasGap(9)).isFalse();
        assertThat(tracker.accept(message(9, 2))).isEmpty();
        assertThat(tracker.hasGap(9)).isTrue();
    }

    @Test
    void aDeclaredPositionIsWhereAConversationStarts() {
        tracker.advanceTo(9, 41);

        assertThat(tracker.accept(message(9, 41))).isEmpty();
        assertThat(seqs(tracker.accept(message(9, 42)))).containsExactly(42L);
    }

    @Test
    void allEventsShareTheOneEventLogStream() {
        SeqTracker<EventView> events = new SeqTracker<>(StreamKind.EVENTS);

        assertThat(events.accept(event(2))).isEmpty();
        assertThat(events.hasGap(StreamKind.EVENT_LOG)).isTrue();
        assertThat(TestEvents.seqs(events.accept(event(1)))).containsExactly(1L, 2L);
        assertThat(events.accept(event(2))).isEmpty();
        assertThat(events.delivered(StreamKind.EVENT_LOG)).isEqualTo(2);
        assertThat(events.hasGap(StreamKind.EVENT_LOG)).isFalse();
    }
}
