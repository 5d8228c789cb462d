package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.events.AccountEvent;
import dev.confab.server.events.EventSlice;
import dev.confab.server.events.RecordedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link dev.confab.server.events.AccountEventStore} contract. */
abstract class AccountEventStoreContract extends ContactContract {

    private List<RecordedEvent> recordEvents(AccountId recipient, int count) {
        return contacts.write(w -> {
            for (int i = 0; i < count; i++) {
                w.record(recipient, new AccountEvent.FriendRemoved(new AccountId(i)));
            }
            return null;
        }).events();
    }

    private static void assertPage(EventSlice slice, List<Long> expectedSeqs, boolean hasMore) {
        assertThat(slice.events()).extracting(RecordedEvent::seq).containsExactlyElementsOf(expectedSeqs);
        assertThat(slice.hasMore()).isEqualTo(hasMore);
    }

    @Test
    void pagesForwardWithHasMoreAtTheBoundaries() {
        AccountId alice = newAccount();
        recordEvents(alice, 10);

        assertPage(events.after(alice, 0, 3), List.of(1L, 2L, 3L), true);
        assertPage(events.after(alice, 6, 3), List.of(7L, 8L, 9L), true);
        assertPage(events.after(alice, 7, 3), List.of(8L, 9L, 10L), false);
        assertPage(events.after(alice, 9, 1), List.of(10L), false);
        assertPage(events.after(alice, 8, 1), List.of(9L), true);
        assertPage(events.after(alice, 1, 9), List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), false);
        assertPage(events.after(alice, 0, 9), List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), true);
        assertPage(events.after(alice, 0, 10), List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), false);
        assertPage(events.after(alice, 10, 5), List.of(), false);
        assertPage(events.after(alice, 99, 5), List.of(), false);
        assertThatThrownBy(() -> events.after(alice, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsEachRecipientsEventsApartWithTheirTimeTypeAndData() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        List<RecordedEvent> aliceEvents = recordEvents(alice, 2);
        List<RecordedEvent> bobEvents = recordEvents(bob, 1);

        assertThat(events.after(alice, 0, 10).events()).containsExactlyElementsOf(aliceEvents);
        assertThat(events.after(bob, 0, 10).events()).containsExactlyElementsOf(bobEvents);
        assertThat(bobEvents.getFirst()).isEqualTo(new RecordedEvent(bob, 1, now(), "friend.removed",
                ENCODER.encode(new AccountEvent.FriendRemoved(new AccountId(0)))));
        assertThat(events.lastSeq(alice)).isEqualTo(2);
        assertThat(events.lastSeq(bob)).isEqualTo(1);
    }

    @Test
    void anAccountWithoutEventsHasAnEmptyLog() {
        AccountId quiet = newAccount();

        assertThat(events.lastSeq(quiet)).isZero();
        assertPage(events.after(quiet, 0, 10), List.of(), false);
        assertThat(events.lastSeq(new AccountId(Long.MAX_VALUE))).isZero();
        assertPage(events.after(new AccountId(Long.MAX_VALUE), 0, 10), List.of(), false);
    }
}
