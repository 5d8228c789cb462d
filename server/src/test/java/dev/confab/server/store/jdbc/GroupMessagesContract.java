package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.conversations.ConversationKind;
import dev.confab.server.conversations.MemberRole;
import dev.confab.server.conversations.MembershipWrites;
import dev.confab.server.conversations.NewConversation;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.messages.AppendResult;
import dev.confab.server.messages.Message;
import dev.confab.server.messages.NewMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * {@link dev.confab.server.messages.MessageStore#append} in groups: only members send, nobody sends to
 * a disbanded group, and both are decided atomically with the seq.
 */
abstract class GroupMessagesContract extends MembershipContract {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private AppendResult send(ConversationId group, AccountId sender) {
        return stores().messages().append(message(group, sender, uniqueName("m"), CREATED));
    }

    private static void assertRejected(ThrowingCallable append, ErrorCode code) {
        assertThatThrownBy(append).isInstanceOfSatisfying(ConfabException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void nonMembersAndExMembersCannotSendAndConsumeNoSeq() {
        AccountId owner = newAccount();
        AccountId bob = newAccount();
        AccountId stranger = newAccount();
        ConversationId group = newGroup(owner, bob).id();
        send(group, bob);
        write(w -> w.removeMember(group, bob));

        assertRejected(() -> send(group, stranger), ErrorCode.CONVERSATION_NOT_FOUND);
        assertRejected(() -> send(group, bob), ErrorCode.CONVERSATION_NOT_FOUND);

        assertThat(lastSeq(group)).isEqualTo(1);
        assertThat(send(group, owner).message().seq()).isEqualTo(2);
    }

    @Test
    void strangersCannotSendToADirectConversation() {
        ConversationId direct = newDirect(newAccount(), newAccount());

        assertRejected(() -> send(direct, newAccount()), ErrorCode.CONVERSATION_NOT_FOUND);
    }

    @Test
    void membersCannotSendToADisbandedGroupWhileStrangersStillSeeNone() {
        AccountId owner = newAccount();
        ConversationId group = newGroup(owner).id();
        send(group, owner);
        write(w -> {
            w.markDisbanded(group, CREATED);
            return null;
        });

        assertRejected(() -> send(group, owner), ErrorCode.CONVERSATION_DISBANDED);
        assertRejected(() -> send(group, newAccount()), ErrorCode.CONVERSATION_NOT_FOUND);
        assertThat(lastSeq(group)).isEqualTo(1);
    }

    @Test
    void aResendOfAStoredMessageReturnsItAfterTheSenderLeftAndTheGroupWasDisbanded() {
        AccountId owner = newAccount();
        AccountId bob = newAccount();
        ConversationId group = newGroup(owner, bob).id();
        NewMessage input = message(group, bob, uniqueName("m"), CREATED);
        Message original = stores().messages().append(input).message();
        write(w -> {
            w.removeMember(group, bob);
            return null;
        });

        AppendResult afterLeaving = stores().messages().append(input);
        write(w -> {
            w.markDisbanded(group, CREATED);
            return null;
        });
        AppendResult afterDisbanding = stores().messages().append(input);

        assertThat(afterLeaving).isEqualTo(new AppendResult(original, true));
        assertThat(afterDisbanding).isEqualTo(new AppendResult(original, true));
        assertThat(lastSeq(group)).isEqualTo(1);
    }

    @Test
    void concurrentSendsOfAHundredMembersGetSeqsOneToAHundred() throws Exception {
        List<AccountId> members = LongStream.range(0, 100).mapToObj(i -> newAccount()).toList();
        ConversationId group = write(w -> {
            ConversationId id = w.create(new NewConversation(ConversationKind.GROUP, null, settings("big"), CREATED))
                    .id();
            w.addMember(id, members.getFirst(), MemberRole.OWNER, 1, CREATED);
            members.subList(1, 100).forEach(m -> w.addMember(id, m, MemberRole.MEMBER, 1, CREATED));
            return id;
        });

        List<AppendResult> results = concurrently(100, i -> send(group, members.get(i)));

        List<Long> expected = LongStream.rangeClosed(1, 100).boxed().toList();
        assertThat(results).extracting(r -> r.message().seq()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(stores().messages().after(group, 0, 200).messages()).extracting(Message::seq)
                .containsExactlyElementsOf(expected);
        assertThat(memberships().details(group).orElseThrow().memberCount()).isEqualTo(100);
    }

    @Test
    void aSendWaitingForARemovalIsRejectedOnceTheRemovalCommits() throws Exception {
        AccountId owner = newAccount();
        AccountId bob = newAccount();
        ConversationId group = newGroup(owner, bob).id();

        Throwable rejection = sendDuring(group, bob, w -> {
            w.lock(group);
            w.appendSystemMessage(group, owner, "{\"type\":\"removed\"}", CREATED);
            w.removeMember(group, bob);
        });

        assertThat(rejection).isInstanceOfSatisfying(ConfabException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CONVERSATION_NOT_FOUND));
        assertThat(lastSeq(group)).isEqualTo(1);
    }

    @Test
    void aSendWaitingForADisbandingIsRejectedOnceTheDisbandingCommits() throws Exception {
        AccountId owner = newAccount();
        ConversationId group = newGroup(owner).id();

        Throwable rejection = sendDuring(group, owner, w -> {
            w.lock(group);
            w.appendSystemMessage(group, owner, "{\"type\":\"disbanded\"}", CREATED);
            w.markDisbanded(group, CREATED);
        });

        assertThat(rejection).isInstanceOfSatisfying(ConfabException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.CONVERSATION_DISBANDED));
        assertThat(lastSeq(group)).isEqualTo(1);
    }

    /**
     * Runs {@code change} in a membership transaction that stays open until a send by {@code sender},
     * started meanwhile, waits for a lock; then commits it and returns what the send threw (null if it
     * did not).
     */
    private Throwable sendDuring(ConversationId group, AccountId sender, Consumer<MembershipWrites> change)
            throws Exception {
        CountDownLatch changed = new CountDownLatch(1);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> transaction = executor.submit(() -> write(w -> {
                change.accept(w);
                changed.countDown();
                await().atMost(WAIT).pollInterval(Duration.ofMillis(10))
                        .until(() -> LockWaits.aWriterWaits(database()));
                return null;
            }));
            assertThat(changed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("change made").isTrue();
            Future<AppendResult> send = executor.submit(() -> send(group, sender));
            transaction.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            try {
                send.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            }
        }
    }
}
