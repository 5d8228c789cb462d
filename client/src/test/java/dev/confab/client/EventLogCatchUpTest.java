package dev.confab.client;

import static dev.confab.client.StreamKind.EVENT_LOG;
import static dev.confab.client.TestEvents.event;
import static dev.confab.client.TestEvents.page;
import static dev.confab.client.TestEvents.seqs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.model.EventPage;
import dev.confab.protocol.model.EventView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The account's event log runs through the same ordering and catch-up as a conversation. */
class EventLogCatchUpTest {
    private static final int PAGE = 2;

    /** One events request the catch-up made, answered by the test. */
    private record Fetch(long stream, long afterSeq, int limit, CompletableFuture<SeqPage<EventView>> page) {
        void answer(EventPage answer) {
            page.complete(SeqPage.of(answer));
        }
    }

    private final List<Fetch> fetches = new ArrayList<>();
    private final List<EventView> delivered = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final CatchUp<EventView> catchUp = new CatchUp<>(new SeqTracker<>(StreamKind.EVENTS),
            (stream, afterSeq, limit) -> {
                Fetch fetch = new Fetch(stream, afterSeq, limit, new CompletableFuture<>());
                fetches.add(fetch);
                return fetch.page();
            }, delivered::add, failures::add, PAGE, 1);

    @Test
    void liveEventsInOrderAreDeliveredOnceWithoutFetching() {
        catchUp.accept(event(1));
        catchUp.accept(event(2));
        catchUp.accept(event(1));

        assertThat(seqs(delivered)).containsExactly(1L, 2L);
        assertThat(catchUp.deliveredSeq(EVENT_LOG)).isEqualTo(2);
        assertThat(fetches).isEmpty();
    }

    @Test
    void aGapFetchesTheMissingRangeFollowingTheCursorAndReleasesHeldEvents() {
        catchUp.accept(event(1));
        catchUp.accept(event(6));
        catchUp.accept(event(7));

        assertThat(fetches).singleElement().satisfies(fetch -> {
            assertThat(fetch.stream()).isEqualTo(EVENT_LOG);
            assertThat(fetch.afterSeq()).isEqualTo(1);
            assertThat(fetch.limit()).isEqualTo(PAGE);
        });
        fetches.get(0).answer(page(2, 3, true));
        assertThat(fetches).extracting(Fetch::afterSeq).containsExactly(1L, 3L);
        fetches.get(1).answer(page(4, 5, true));
        fetches.get(2).answer(page(6, 6, false));

        assertThat(seqs(delivered)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(catchUp.isSyncing(EVENT_LOG)).isFalse();
        assertThat(failures).isEmpty();
    }

    @Test
    void catchesUpFromTheKnownPositionOnlyWhenTheLogMovedOn() {
        catchUp.advanceTo(EVENT_LOG, 4);

        catchUp.catchUpTo(EVENT_LOG, 4);
        assertThat(fetches).isEmpty();

        catchUp.catchUpTo(EVENT_LOG, 6);
        fetches.get(0).answer(page(4, 6, false));

        assertThat(fetches).extracting(Fetch::afterSeq).containsExactly(4L);
        assertThat(seqs(delivered)).containsExactly(5L, 6L);
    }

    @Test
    void aSyncThatCannotCloseTheGapIsReportedAgainstTheEventLog() {
        catchUp.accept(event(3));

        fetches.get(0).answer(new EventPage(List.of(), false, null));

        assertThat(failures).singleElement().isInstanceOfSatisfying(ConfabApiException.class,
                e -> assertThat(e.getMessage()).contains("the event log").contains("seq 1"));
        assertThat(delivered).isEmpty();
    }
}
