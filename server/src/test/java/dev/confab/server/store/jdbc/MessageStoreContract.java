package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.messages.AppendResult;
import dev.confab.server.messages.Message;
import dev.confab.server.messages.MessageSlice;
import dev.confab.server.messages.NewMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link dev.confab.server.messages.MessageStore} contract. */
abstract class MessageStoreContract extends StoreContract {

    private static final Instant SENT = Instant.parse("2030-06-01T12:00:00.123456Z");

    private AccountId alice;
    private AccountId bob;
    private ConversationId conversation;

    @BeforeEach
    void newConversation() {
        alice = newAccount();
        bob = newAccount();
        conversation = newDirect(alice, bob);
    }

    private AppendResult append(AccountId sender, String clientMessageId) {
        return stores().messages().append(message(conversation, sender, clientMessageId, SENT));
    }

    private List<Long> seqs(MessageSlice slice) {
        return slice.messages().stream().map(Message::seq).toList();
    }

    @Test
    void appendAssignsConsecutiveSeqsAndStoresTheMessage() {
        AppendResult first = append(alice, "c1");
        AppendResult second = append(bob, "c1");

        assertThat(first.duplicate()).isFalse();
        assertThat(first.message()).isEqualTo(new Message(first.message().id(), conversation, 1, alice, "device-1",
                "c1", "text/plain", "body of c1", Instant.parse("2030-06-01T12:00:00.123Z"), false));
        assertThat(second.message().seq()).isEqualTo(2);
        assertThat(second.message().id()).isGreaterThan(first.message().id());
        assertThat(stores().messages().after(conversation, 0, 10).messages())
                .containsExactly(first.message(), second.message());
    }

    @Test
    void storesAndReturnsWhetherAMessageIsWithheld() {
        NewMessage input = new NewMessage(conversation, alice, "device-1", "w1", "text/plain", "hidden", SENT, true);

        AppendResult withheld = stores().messages().append(input);
        AppendResult resent = stores().messages().append(input);
        AppendResult shown = append(alice, "s1");

        assertThat(withheld.message().withheld()).isTrue();
        assertThat(resent.message()).isEqualTo(withheld.message());
        assertThat(stores().messages().after(conversation, 0, 10).messages())
                .containsExactly(withheld.message(), shown.message())
                .extracting(Message::withheld).containsExactly(true, false);
        assertThat(stores().messages().before(conversation, 2, 10).messages()).containsExactly(withheld.message());
    }

    @Test
    void appendMovesTheSendersReadPosition() {
        append(bob, "b1");
        append(alice, "a1");
        append(bob, "b2");

        assertThat(stores().conversations().listFor(alice, null, 10).getFirst().readSeq()).isEqualTo(2);
        assertThat(stores().conversations().listFor(bob, null, 10).getFirst().readSeq()).isEqualTo(3);
    }

    @Test
    void appendToAnUnknownConversationFails() {
        NewMessage orphan = message(new ConversationId(Long.MAX_VALUE), alice, "x", SENT);

        assertThatThrownBy(() -> stores().messages().append(orphan))
                .isInstanceOfSatisfying(ConfabException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONVERSATION_NOT_FOUND));
    }

    @Test
    void concurrentAppendsGetEverySeqExactlyOnce() throws Exception {
        List<AppendResult> results = concurrently(50, i -> append(i % 2 == 0 ? alice : bob, "c" + i));

        List<Long> expected = LongStream.rangeClosed(1, 50).boxed().toList();
        assertThat(results).extracting(r -> r.message().seq()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(seqs(stores().messages().after(conversation, 0, 100))).containsExactlyElementsOf(expected);
    }

    @Test
    void sequentialResendsReturnTheOriginal() {
        List<AppendResult> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(stores().messages().append(message(conversation, alice, "same", SENT.plusSeconds(i))));
        }

        assertThat(results).extracting(AppendResult::duplicate).containsExactly(
                false, true, true, true, true, true, true, true, true, true);
        assertThat(results).extracting(AppendResult::message).containsOnly(results.getFirst().message());
        assertThat(stores().messages().after(conversation, 0, 10).messages())
                .containsExactly(results.getFirst().message());
        assertThat(append(alice, "next").message().seq()).isEqualTo(2);
    }

    @Test
    void concurrentResendsStoreOneMessageAndLeaveNoGap() throws Exception {
        List<AppendResult> results = concurrently(10, i -> append(alice, "same"));

        assertThat(results).extracting(AppendResult::duplicate).containsOnlyOnce(false);
        assertThat(results).extracting(AppendResult::message).containsOnly(results.getFirst().message());
        assertThat(stores().messages().after(conversation, 0, 10).messages()).hasSize(1);
        assertThat(append(alice, "next").message().seq()).isEqualTo(2);
    }

    @Test
    void theSameClientIdFromAnotherDeviceIsANewMessage() {
        append(alice, "c1");
        NewMessage otherDevice = new NewMessage(conversation, alice, "device-2", "c1", "text/plain", "hi", SENT, false);

        AppendResult result = stores().messages().append(otherDevice);

        assertThat(result.duplicate()).isFalse();
        assertThat(result.message().seq()).isEqualTo(2);
    }

    @Test
    void pagesForwardAndBackwardWithHasMoreAtTheBoundaries() {
        for (int i = 1; i <= 10; i++) {
            append(alice, "p" + i);
        }
        var messages = stores().messages();

        assertThat(messages.after(conversation, 0, 3)).satisfies(s -> assertPage(s, List.of(1L, 2L, 3L), true));
        assertThat(messages.after(conversation, 7, 3)).satisfies(s -> assertPage(s, List.of(8L, 9L, 10L), false));
        assertThat(messages.after(conversation, 6, 3)).satisfies(s -> assertPage(s, List.of(7L, 8L, 9L), true));
        assertThat(messages.after(conversation, 10, 5)).satisfies(s -> assertPage(s, List.of(), false));
        assertThat(messages.before(conversation, 11, 3)).satisfies(s -> assertPage(s, List.of(8L, 9L, 10L), true));
        assertThat(messages.before(conversation, 4, 3)).satisfies(s -> assertPage(s, List.of(1L, 2L, 3L), false));
        assertThat(messages.before(conversation, 5, 3)).satisfies(s -> assertPage(s, List.of(2L, 3L, 4L), true));
        assertThat(messages.before(conversation, 1, 5)).satisfies(s -> assertPage(s, List.of(), false));
        assertThat(messages.after(new ConversationId(Long.MAX_VALUE), 0, 5))
                .satisfies(s -> assertPage(s, List.of(), false));
    }

    @Test
    void findsSentMessagesByTheirKeyAndTheFirstWithheldOne() {
        Message first = append(alice, "k1").message();
        assertThat(stores().messages().findSent(alice, "device-1", "k1")).contains(first);
        assertThat(stores().messages().findSent(alice, "other-device", "k1")).isEmpty();
        assertThat(stores().messages().firstWithheldSeq(conversation, alice)).isEqualTo(Long.MAX_VALUE);
        NewMessage plain = message(conversation, alice, "k2", SENT);
        stores().messages().append(new NewMessage(conversation, alice, plain.senderDeviceId(), "k2", plain.contentType(),
                plain.body(), SENT, true));
        stores().messages().append(new NewMessage(conversation, alice, plain.senderDeviceId(), "k3", plain.contentType(),
                plain.body(), SENT, true));
        assertThat(stores().messages().firstWithheldSeq(conversation, alice)).isEqualTo(2);
        assertThat(stores().messages().firstWithheldSeq(conversation, bob)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void pruningByCountAndAgeRaisesTheLowestSeqAndNeverLowersIt() {
        for (int i = 0; i < 6; i++) {
            stores().messages().append(message(conversation, alice, "p" + i, SENT.plusSeconds(60L * i)));
        }
        assertThat(stores().messages().prune(conversation, 4, null)).as("keep the last 4 of 6").isEqualTo(3);
        assertThat(seqs(stores().messages().after(conversation, 0, 10))).containsExactly(3L, 4L, 5L, 6L);
        assertThat(stores().messages().prune(conversation, 0, SENT.plusSeconds(60L * 4))).as("none sent before minute 4")
                .isEqualTo(5);
        assertThat(seqs(stores().messages().after(conversation, 0, 10))).containsExactly(5L, 6L);
        assertThat(stores().messages().prune(conversation, 10, null)).as("a looser limit lowers nothing").isEqualTo(5);
        assertThat(stores().messages().append(message(conversation, bob, "after", SENT.plusSeconds(3600))).message().seq())
                .as("seqs continue after pruning").isEqualTo(7);
    }

    private void assertPage(MessageSlice slice, List<Long> expectedSeqs, boolean hasMore) {
        assertThat(seqs(slice)).containsExactlyElementsOf(expectedSeqs);
        assertThat(slice.hasMore()).isEqualTo(hasMore);
    }
}
