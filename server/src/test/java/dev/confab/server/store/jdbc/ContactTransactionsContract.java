package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.ProfileFields;
import dev.confab.server.contacts.ContactStore.Committed;
import dev.confab.server.contacts.ContactWrites;
import dev.confab.server.contacts.FriendRequest;
import dev.confab.server.contacts.FriendRequestStatus;
import dev.confab.server.contacts.NewFriendRequest;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.events.AccountEvent;
import dev.confab.server.events.RecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The transactional side of {@link dev.confab.server.contacts.ContactStore#write}: atomicity with the
 * recorded events, gap-free event seqs under concurrency, and the locks that serialise transactions.
 */
abstract class ContactTransactionsContract extends ContactContract {

    private static final Instant SINCE = Instant.parse("2030-03-04T05:06:07Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static AccountEvent removed(AccountId friend) {
        return new AccountEvent.FriendRemoved(friend);
    }

    private static NewFriendRequest requestInput(AccountId from, AccountId to) {
        return new NewFriendRequest(from, to, null, false, SINCE, SINCE.plus(Duration.ofDays(3650)));
    }

    private RecordedEvent expected(AccountId recipient, long seq, Instant at, AccountEvent event) {
        return new RecordedEvent(recipient, seq, at, event.type(), ENCODER.encode(event));
    }

    @Test
    void commitsTheWorkAndReturnsItsResultWithTheRecordedEventsInOrder() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        Instant at = now();

        Committed<String> committed = contacts.write(w -> {
            w.addFriendship(alice, bob, SINCE);
            w.record(alice, removed(bob));
            w.record(bob, new AccountEvent.FriendRemarkChanged(alice, "remark"));
            w.record(alice, new AccountEvent.UserBlocked(bob));
            return "done";
        });

        assertThat(committed.result()).isEqualTo("done");
        assertThat(committed.events()).containsExactly(expected(alice, 1, at, removed(bob)),
                expected(bob, 1, at, new AccountEvent.FriendRemarkChanged(alice, "remark")),
                expected(alice, 2, at, new AccountEvent.UserBlocked(bob)));
        assertThat(contacts.areFriends(alice, bob)).isTrue();
        assertThat(events.after(alice, 0, 10).events())
                .containsExactly(committed.events().get(0), committed.events().get(2));
        assertThat(events.lastSeq(alice)).isEqualTo(2);
        assertThat(events.lastSeq(bob)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1));
        Committed<Void> later = contacts.write(w -> {
            w.record(alice, removed(bob));
            return null;
        });

        assertThat(later.events()).containsExactly(expected(alice, 3, now(), removed(bob)));
        assertThat(contacts.write(w -> null).events()).isEmpty();
    }

    @Test
    void workThatThrowsCommitsNothingRecordsNothingAndConsumesNoSeqs() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        ProfileFields before = ProfileFields.of(stores().accounts().findById(alice).orElseThrow());
        write(w -> {
            w.record(alice, removed(bob));
            return null;
        });
        ConfabException failure = new ConfabException(ErrorCode.CONTACT_ALREADY_FRIENDS);

        assertThatThrownBy(() -> contacts.write(w -> {
            w.addFriendship(alice, bob, SINCE);
            w.block(alice, bob, SINCE);
            w.insertRequest(requestInput(alice, bob));
            w.updateProfile(alice, new ProfileFields("changed", "avatar", null, null, false, false));
            w.record(alice, removed(bob));
            w.record(bob, removed(alice));
            throw failure;
        })).isSameAs(failure);

        assertThat(contacts.areFriends(alice, bob)).isFalse();
        assertThat(contacts.isBlocked(alice, bob)).isFalse();
        assertThat(contacts.outgoing(alice, SINCE)).isEmpty();
        assertThat(ProfileFields.of(stores().accounts().findById(alice).orElseThrow())).isEqualTo(before);
        assertThat(events.lastSeq(alice)).isEqualTo(1);
        assertThat(events.lastSeq(bob)).isZero();
        assertThat(events.after(alice, 0, 10).events()).hasSize(1);
        assertThat(events.after(bob, 0, 10).events()).isEmpty();
        List<RecordedEvent> next = contacts.write(w -> {
            w.record(alice, removed(bob));
            w.record(bob, removed(alice));
            return null;
        }).events();
        assertThat(next).extracting(RecordedEvent::seq).containsExactly(2L, 1L);
    }

    @Test
    void aFailingStatementRollsBackTheWorkAndIsReportedAsABug() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        AccountId missing = new AccountId(Long.MAX_VALUE);

        assertThatThrownBy(() -> write(w -> {
            w.addFriendship(alice, bob, SINCE);
            w.record(alice, removed(bob));
            return w.insertRequest(requestInput(alice, missing));
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("during change contacts");

        assertThat(contacts.areFriends(alice, bob)).isFalse();
        assertThat(events.lastSeq(alice)).isZero();
        assertThatThrownBy(() -> write(w -> {
            w.record(missing, removed(alice));
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesCannotBeUsedAfterTheirTransaction() {
        AccountId alice = newAccount();
        ContactWrites leaked = write(w -> w);

        assertThatThrownBy(() -> leaked.friendIds(alice)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> leaked.lockPair(alice, alice)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void concurrentTransactionsGiveARecipientGapFreeSeqs() throws Exception {
        AccountId alice = newAccount();
        List<AccountId> senders = LongStream.range(0, 24).mapToObj(i -> newAccount()).toList();

        List<Long> seqs = concurrently(24, i -> {
            try {
                return contacts.write(w -> {
                    w.record(senders.get(i), removed(alice));
                    w.record(alice, removed(senders.get(i)));
                    if (i % 4 == 3) {
                        throw new ConfabException(ErrorCode.CONTACT_ALREADY_FRIENDS);
                    }
                    return null;
                }).events().get(1).seq();
            } catch (ConfabException e) {
                return null;
            }
        });

        List<Long> expected = LongStream.rangeClosed(1, 18).boxed().toList();
        assertThat(seqs.stream().filter(Objects::nonNull)).containsExactlyInAnyOrderElementsOf(expected);
        var log = events.after(alice, 0, 100);
        assertThat(log.events()).extracting(RecordedEvent::seq).containsExactlyElementsOf(expected);
        assertThat(log.events()).extracting(RecordedEvent::data).doesNotHaveDuplicates();
        assertThat(events.lastSeq(alice)).isEqualTo(18);
    }

    @Test
    void transactionsRecordingForTheSameAccountsInOppositeOrdersDoNotDeadlock() throws Exception {
        AccountId alice = newAccount();
        AccountId bob = newAccount();

        List<List<RecordedEvent>> recorded = overlap((w, hold) -> {
            w.record(alice, removed(bob));
            hold.run();
            w.record(bob, removed(alice));
            return null;
        }, (w, checked) -> {
            w.record(bob, removed(alice));
            w.record(alice, removed(bob));
            checked.run();
            return null;
        }, Committed::events);

        assertThat(recorded.get(0)).extracting(RecordedEvent::recipient).containsExactly(alice, bob);
        assertThat(recorded.get(1)).extracting(RecordedEvent::recipient).containsExactly(bob, alice);
        assertThat(events.after(alice, 0, 10).events()).extracting(RecordedEvent::seq).containsExactly(1L, 2L);
        assertThat(events.after(bob, 0, 10).events()).extracting(RecordedEvent::seq).containsExactly(1L, 2L);
    }

    @Test
    void lockPairMakesASecondTransactionOnThePairWaitAndSeeTheFirstsWrites() throws Exception {
        AccountId alice = newAccount();
        AccountId bob = newAccount();

        List<Boolean> sent = overlap((w, hold) -> {
            w.lockPair(alice, bob);
            boolean pending = w.pendingRequest(alice, bob).isPresent();
            w.insertRequest(requestInput(alice, bob));
            hold.run();
            return !pending;
        }, (w, checked) -> {
            w.lockPair(bob, alice);
            boolean pending = w.pendingRequest(alice, bob).isPresent();
            checked.run();
            if (!pending) {
                w.insertRequest(requestInput(alice, bob));
            }
            return !pending;
        });

        assertThat(sent).containsExactly(true, false);
        assertThat(contacts.outgoing(alice, SINCE)).hasSize(1);
    }

    @Test
    void requestForUpdateMakesASecondChangeOfTheRequestSeeTheFirst() throws Exception {
        NewFriendRequest input = requestInput(newAccount(), newAccount());
        FriendRequest request = write(w -> w.insertRequest(input));

        List<Boolean> changed = overlap((w, hold) -> {
            boolean pending = w.requestForUpdate(request.id()).orElseThrow().status() == FriendRequestStatus.PENDING;
            w.setRequestStatus(request.id(), FriendRequestStatus.ACCEPTED, SINCE);
            hold.run();
            return pending;
        }, (w, checked) -> {
            boolean pending = w.requestForUpdate(request.id()).orElseThrow().status() == FriendRequestStatus.PENDING;
            checked.run();
            if (pending) {
                w.setRequestStatus(request.id(), FriendRequestStatus.DECLINED, SINCE);
            }
            return pending;
        });

        assertThat(changed).containsExactly(true, false);
        assertThat(contacts.request(request.id()).orElseThrow().status()).isEqualTo(FriendRequestStatus.ACCEPTED);
    }

    /**
     * Runs {@code first} in a transaction until it calls its hold hook, then starts {@code second} in
     * another. The first stays open until the second either calls its checked hook (its reads are done,
     * so they could not have seen the first's uncommitted writes) or waits for a lock. A second that
     * waited then sees the first's committed writes; one that did not sees none of them. Returns both
     * results, first's first.
     */
    private <R> List<R> overlap(BiFunction<ContactWrites, Runnable, R> first,
                                BiFunction<ContactWrites, Runnable, R> second) throws Exception {
        return overlap(first, second, Committed::result);
    }

    /** {@link #overlap(BiFunction, BiFunction)}, returning what {@code outcome} takes of each commit. */
    private <R, T> List<T> overlap(BiFunction<ContactWrites, Runnable, R> first,
                                   BiFunction<ContactWrites, Runnable, R> second,
                                   Function<Committed<R>, T> outcome) throws Exception {
        CountDownLatch firstHolding = new CountDownLatch(1);
        CountDownLatch secondChecked = new CountDownLatch(1);
        Runnable hold = () -> {
            firstHolding.countDown();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(10))
                    .until(() -> secondChecked.getCount() == 0 || LockWaits.aWriterWaits(database()));
        };
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<T> firstResult = executor.submit(() -> outcome.apply(contacts.write(w -> first.apply(w, hold))));
            assertThat(firstHolding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("first transaction holding").isTrue();
            Future<T> secondResult = executor.submit(
                    () -> outcome.apply(contacts.write(w -> second.apply(w, secondChecked::countDown))));
            return List.of(firstResult.get(WAIT.toSeconds(), TimeUnit.SECONDS),
                    secondResult.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }
}
