package dev.confab.client;

import static dev.confab.client.TestMessages.message;
import static dev.confab.client.TestMessages.messages;
import static dev.confab.client.TestMessages.seqs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.model.MessageView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CatchUpTest {
    private static final int PAGE = 50;

    /** One sync the catch-up asked for, answered by the test. */
    private record Fetch(long conversationId, long afterSeq, int limit, CompletableFuture<SeqPage<MessageView>> page) {
        void answer(List<MessageView> messages, boolean hasMore) {
            answer(messages, hasMore, 1);
        }

        void answer(List<MessageView> messages, boolean hasMore, long firstSeq) {
            Long cursor = hasMore ? messages.get(messages.size() - 1).seq() : null;
            page.complete(new SeqPage<>(messages, hasMore, cursor, firstSeq));
        }
    }

    private final List<Fetch> fetches = new ArrayList<>();
    private final List<MessageView> delivered = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();

    private CatchUp<MessageView> catchUp(int maxConcurrent) {
        return new CatchUp<>(new SeqTracker<>(StreamKind.MESSAGES), (conversationId, afterSeq, limit) -> {
            Fetch fetch = new Fetch(conversationId, afterSeq, limit, new CompletableFuture<>());
            fetches.add(fetch);
            return fetch.page();
        }, delivered::add, failures::add, PAGE, maxConcurrent);
    }

    @Test
    void deliversInOrderLiveMessagesWithoutSyncing() {
        CatchUp<MessageView> catchUp = catchUp(4);

        catchUp.accept(message(1, 1));
        catchUp.accept(message(1, 2));
        catchUp.accept(message(1, 2));

        assertThat(seqs(delivered)).containsExactly(1L, 2L);
        assertThat(fetches).isEmpty();
    }

    @Test
    void aGapStartsASyncFromTheLastDeliveredSeqAndReleasesHeldMessagesInOrder() {
        CatchUp<MessageView> catchUp = catchUp(4);
        catchUp.accept(message(1, 1));

        catchUp.accept(message(1, 4));

        assertThat(seqs(delivered)).containsExactly(1L);
        assertThat(fetches).singleElement().satisfies(fetch -> {
            assertThat(fetch.conversationId()).isEqualTo(1);
            assertThat(fetch.afterSeq()).isEqualTo(1);
            assertThat(fetch.limit()).isEqualTo(PAGE);
        });

        fetches.get(0).answer(messages(1, 2, 4), false);

        assertThat(seqs(delivered)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(fetches).hasSize(1);
        assertThat(catchUp.isSyncing(1)).isFalse();
        assertThat(failures).isEmpty();
    }

    @Test
    void historyBelowTheReadersFirstSeqIsNotAGap() {
        CatchUp<MessageView> catchUp = catchUp(4);

        catchUp.catchUpTo(1, 42);
        fetches.get(0).answer(messages(1, 40, 42), false, 40);

        assertThat(seqs(delivered)).containsExactly(40L, 41L, 42L);
        assertThat(fetches).hasSize(1);
        assertThat(failures).isEmpty();
    }

    @Test
    void followsTheCursorWhileTheServerHasMore() {
        CatchUp<MessageView> catchUp = catchUp(4);

        catchUp.catchUpTo(1, 5);
        fetches.get(0).answer(messages(1, 1, 2), true);
        fetches.get(1).answer(messages(1, 3, 5), false);

        assertThat(fetches).extracting(Fetch::afterSeq).containsExactly(0L, 2L);
        assertThat(seqs(delivered)).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void messagesArrivingDuringASyncAreDeliveredOnceAndInOrder() {
        CatchUp<MessageView> catchUp = catchUp(4);
        catchUp.accept(message(1, 1));
        catchUp.accept(message(1, 4));

        catchUp.accept(message(1, 5));
        catchUp.accept(message(1, 3));
        catchUp.accept(message(1, 4));

        assertThat(fetches).hasSize(1);
        fetches.get(0).answer(messages(1, 2, 4), false);

        assertThat(seqs(delivered)).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void doesNotSyncAConversationThatHasNothingNew() {
        CatchUp<MessageView> catchUp = catchUp(4);
        catchUp.advanceTo(1, 7);

        catchUp.catchUpTo(1, 7);
        catchUp.catchUpTo(2, 0);

        assertThat(fetches).isEmpty();
    }

    @Test
    void startsFromTheDeclaredPosition() {
        CatchUp<MessageView> catchUp = catchUp(4);
        catchUp.advanceTo(1, 7);

        catchUp.catchUpTo(1, 9);

        assertThat(fetches).singleElement().extracting(Fetch::afterSeq).isEqualTo(7L);
    }

    @Test
    void runsAtMostTheAllowedNumberOfSyncsAndQueuesTheRest() {
        CatchUp<MessageView> catchUp = catchUp(1);

        catchUp.catchUpTo(1, 1);
        catchUp.catchUpTo(2, 1);

        assertThat(fetches).extracting(Fetch::conversationId).containsExactly(1L);
        assertThat(catchUp.isSyncing(2)).isTrue();

        fetches.get(0).answer(messages(1, 1, 1), false);

        assertThat(fetches).extracting(Fetch::conversationId).containsExactly(1L, 2L);
        fetches.get(1).answer(messages(2, 1, 1), false);
        assertThat(delivered).extracting(MessageView::conversationId).containsExactly(1L, 2L);
    }

    @Test
    void syncsAgainWhenAPageLeftAGapButMadeProgress() {
        CatchUp<MessageView> catchUp = catchUp(4);
        catchUp.accept(message(1, 5));

        fetches.get(0).answer(messages(1, 1, 2), false);

        assertThat(seqs(delivered)).containsExactly(1L, 2L);
        assertThat(fetches).extracting(Fetch::afterSeq).containsExactly(0L, 2L);
        fetches.get(1).answer(messages(1, 3, 5), false);
        assertThat(seqs(delivered)).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void reportsASyncThatCannotCloseTheGap() {
        CatchUp<MessageView> catchUp = catchUp(4);
        catchUp.accept(message(1, 1));
        catchUp.accept(message(1, 3));

        fetches.get(0).answer(List.of(), false);

        assertThat(failures).singleElement().isInstanceOf(ConfabApiException.class);
        assertThat(catchUp.isSyncing(1)).isFalse();
        assertThat(seqs(delivered)).containsExactly(1L);
    }

    @Test
    void reportsFailedSyncsButNotLostConnections() {
        CatchUp<MessageView> catchUp = catchUp(4);
        catchUp.catchUpTo(1, 3);
        catchUp.catchUpTo(2, 3);

        fetches.get(0).page().completeExceptionally(new ConfabConnectionException("lost"));
        fetches.get(1).page().completeExceptionally(new ConfabApiException(404, "conversation.not_found", "gone"));

        assertThat(failures).singleElement().isInstanceOf(ConfabApiException.class);
        assertThat(catchUp.isSyncing(1)).isFalse();
        assertThat(catchUp.isSyncing(2)).isFalse();
    }

    @Test
    void thePublishedPositionCountsTheItemBeingDeliveredAndDeclaredPositions() {
        List<Long> seenDuringDelivery = new ArrayList<>();
        AtomicReference<CatchUp<MessageView>> self = new AtomicReference<>();
        CatchUp<MessageView> catchUp = new CatchUp<>(new SeqTracker<>(StreamKind.MESSAGES),
                (c, after, limit) -> new CompletableFuture<>(),
                message -> seenDuringDelivery.add(self.get().deliveredSeq(message.conversationId())), failures::add,
                PAGE, 4);
        self.set(catchUp);

        catchUp.accept(message(1, 2));
        catchUp.accept(message(1, 1));
        catchUp.advanceTo(2, 9);

        assertThat(seenDuringDelivery).containsExactly(1L, 2L);
        assertThat(catchUp.deliveredSeq(1)).isEqualTo(2);
        assertThat(catchUp.deliveredSeq(2)).isEqualTo(9);
        assertThat(catchUp.deliveredSeq(3)).isZero();
    }

    @Test
    void ignoresAnswersToSyncsStartedBeforeAReset() {
        CatchUp<MessageView> catchUp = catchUp(4);
        catchUp.catchUpTo(1, 3);
        Fetch stale = fetches.get(0);

        catchUp.reset();
        catchUp.catchUpTo(1, 3);
        stale.answer(messages(1, 1, 1), true);

        assertThat(delivered).isEmpty();
        assertThat(fetches).hasSize(2);
        fetches.get(1).answer(messages(1, 1, 3), false);
        assertThat(seqs(delivered)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aCatchUpAskedForWhileTheStreamSyncsRunsOnceMoreAfterIt() {
        CatchUp<MessageView> catchUp = catchUp(4);
        catchUp.accept(message(1, 1));
        catchUp.accept(message(1, 3));

        catchUp.catchUpTo(1, 4);
        catchUp.catchUp(1);
        assertThat(fetches).hasSize(1);
        fetches.get(0).answer(messages(1, 2, 3), false);

        assertThat(fetches).hasSize(2);
        assertThat(fetches.get(1).afterSeq()).isEqualTo(3);
        fetches.get(1).answer(messages(1, 4, 4), false);

        assertThat(seqs(delivered)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(fetches).hasSize(2);
        assertThat(catchUp.isSyncing(1)).isFalse();
        assertThat(failures).isEmpty();
    }

    @Test
    void aCatchUpOfAnIdleStreamSyncsPastWhatWasDeliveredEvenWithoutAKnownTarget() {
        CatchUp<MessageView> catchUp = catchUp(4);
        catchUp.accept(message(1, 1));

        catchUp.catchUp(1);
        fetches.get(0).answer(List.of(), false);

        assertThat(fetches).singleElement().satisfies(fetch -> assertThat(fetch.afterSeq()).isEqualTo(1));
        assertThat(seqs(delivered)).containsExactly(1L);
        assertThat(catchUp.isSyncing(1)).isFalse();
    }

    @Test
    void aResetForgetsACatchUpAskedForDuringTheSync() {
        CatchUp<MessageView> catchUp = catchUp(4);
        catchUp.catchUp(1);
        catchUp.catchUp(1);

        catchUp.reset();
        catchUp.catchUp(1);
        fetches.get(1).answer(messages(1, 1, 1), false);

        assertThat(fetches).hasSize(2);
        assertThat(seqs(delivered)).containsExactly(1L);
    }
}
