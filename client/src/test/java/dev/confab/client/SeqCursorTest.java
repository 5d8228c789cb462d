package dev.confab.client;

import static dev.confab.client.TestMessages.message;
import static dev.confab.client.TestMessages.seqs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.model.MessageView;
import org.junit.jupiter.api.Test;

class SeqCursorTest {
    private final SeqCursor<MessageView> cursor = new SeqCursor<>(0, MessageView::seq);

    @Test
    void deliversConsecutiveMessagesAtOnce() {
        assertThat(seqs(cursor.accept(message(1, 1)))).containsExactly(1L);
        assertThat(seqs(cursor.accept(message(1, 2)))).containsExactly(2L);
        assertThat(seqs(cursor.accept(message(1, 3)))).containsExactly(3L);
        assertThat(cursor.delivered()).isEqualTo(3);
        assertThat(cursor.hasGap()).isFalse();
    }

    @Test
    void dropsDuplicatesOfDeliveredMessages() {
        cursor.accept(message(1, 1));
        cursor.accept(message(1, 2));

        assertThat(cursor.accept(message(1, 2))).isEmpty();
        assertThat(cursor.accept(message(1, 1))).isEmpty();
        assertThat(cursor.delivered()).isEqualTo(2);
    }

    @Test
    void holdsMessagesBehindAGapUntilItIsFilled() {
        cursor.accept(message(1, 1));

        assertThat(cursor.accept(message(1, 4))).isEmpty();
        assertThat(cursor.hasGap()).isTrue();
        assertThat(cursor.delivered()).isEqualTo(1);

        assertThat(seqs(cursor.accept(message(1, 2)))).containsExactly(2L);
        assertThat(cursor.hasGap()).isTrue();
        assertThat(seqs(cursor.accept(message(1, 3)))).containsExactly(3L, 4L);
        assertThat(cursor.hasGap()).isFalse();
        assertThat(cursor.delivered()).isEqualTo(4);
    }

    @Test
    void releasesOutOfOrderArrivalsInSeqOrderOnceTheFirstMissingOneComes() {
        cursor.accept(message(1, 1));
        cursor.accept(message(1, 5));
        cursor.accept(message(1, 3));
        cursor.accept(message(1, 4));
        assertThat(cursor.waitingCount()).isEqualTo(3);

        assertThat(seqs(cursor.accept(message(1, 2)))).containsExactly(2L, 3L, 4L, 5L);
        assertThat(cursor.waitingCount()).isZero();
    }

    @Test
    void holdsADuplicateOfAHeldMessageOnce() {
        cursor.accept(message(1, 3));
        cursor.accept(message(1, 3));

        assertThat(cursor.waitingCount()).isEqualTo(1);
        cursor.accept(message(1, 1));
        assertThat(seqs(cursor.accept(message(1, 2)))).containsExactly(2L, 3L);
    }

    @Test
    void startsAfterTheGivenPosition() {
        SeqCursor<MessageView> known = new SeqCursor<>(10, MessageView::seq);

        assertThat(known.accept(message(1, 10))).isEmpty();
        assertThat(seqs(known.accept(message(1, 11)))).containsExactly(11L);
    }

    @Test
    void advancingDropsHeldMessagesItCoversAndReleasesThoseItUnblocks() {
        cursor.accept(message(1, 2));
        cursor.accept(message(1, 4));
        cursor.accept(message(1, 5));

        assertThat(seqs(cursor.advanceTo(3))).containsExactly(4L, 5L);
        assertThat(cursor.delivered()).isEqualTo(5);
        assertThat(cursor.hasGap()).isFalse();
    }

    @Test
    void advancingBackwardsChangesNothing() {
        cursor.accept(message(1, 1));
        cursor.accept(message(1, 2));

        assertThat(cursor.advanceTo(1)).isEmpty();
        assertThat(cursor.delivered()).isEqualTo(2);
    }
}
