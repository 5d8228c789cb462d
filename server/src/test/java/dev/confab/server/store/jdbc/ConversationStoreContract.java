package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.conversations.ConversationKind;
import dev.confab.server.conversations.ConversationPosition;
import dev.confab.server.conversations.ConversationSettings;
import dev.confab.server.conversations.ConversationSummary;
import dev.confab.server.conversations.HistoryVisibility;
import dev.confab.server.conversations.InvitePolicy;
import dev.confab.server.conversations.MemberRole;
import dev.confab.server.conversations.NewConversation;
import dev.confab.server.conversations.ReceiptPosition;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.messages.Message;
import dev.confab.server.messages.NewMessage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link dev.confab.server.conversations.ConversationStore} contract. */
abstract class ConversationStoreContract extends StoreContract {

    /** Later than any clock reading during the test, so messages order conversations as sent. */
    private static final Instant FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    private Message send(ConversationId conversation, AccountId sender, int second) {
        return stores().messages().append(message(conversation, sender, uniqueName("m"), FUTURE.plusSeconds(second)))
                .message();
    }

    @Test
    void findsOrCreatesOneDirectConversationPerPairInEitherOrder() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();

        ConversationId first = stores().conversations().findOrCreateDirect(alice, bob);

        assertThat(stores().conversations().findOrCreateDirect(bob, alice)).isEqualTo(first);
        assertThat(stores().conversations().findOrCreateDirect(alice, bob)).isEqualTo(first);
        assertThat(stores().conversations().members(first)).containsExactlyInAnyOrder(alice, bob);
        assertThat(stores().conversations().isMember(first, alice)).isTrue();
        assertThat(stores().conversations().isMember(first, newAccount())).isFalse();
        assertThat(stores().conversations().findOrCreateDirect(alice, newAccount())).isNotEqualTo(first);
        assertThatThrownBy(() -> stores().conversations().findOrCreateDirect(alice, alice))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentCallsForOnePairCreateOneConversation() throws Exception {
        AccountId alice = newAccount();
        AccountId bob = newAccount();

        List<ConversationId> ids = concurrently(20, i -> i % 2 == 0
                ? stores().conversations().findOrCreateDirect(alice, bob)
                : stores().conversations().findOrCreateDirect(bob, alice));

        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(stores().conversations().members(ids.getFirst())).containsExactlyInAnyOrder(alice, bob);
    }

    @Test
    void anUnknownConversationHasNoMembersAndNoKind() {
        assertThat(stores().conversations().members(new ConversationId(Long.MAX_VALUE))).isEmpty();
        assertThat(stores().conversations().kind(new ConversationId(Long.MAX_VALUE))).isEmpty();
    }

    @Test
    void knowsTheKindOfAConversation() {
        ConversationId direct = newDirect(newAccount(), newAccount());

        assertThat(stores().conversations().kind(direct)).contains(ConversationKind.DIRECT);
    }

    @Test
    void unreadLeavesOutWithheldMessagesAndTheLastMessageIsListedAsStored() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        ConversationId conversation = newDirect(alice, bob);
        send(conversation, bob, 1);
        Message withheld = stores().messages().append(new NewMessage(conversation, bob, "device-1", uniqueName("w"),
                "text/plain", "from a blocked sender", FUTURE.plusSeconds(2), true)).message();

        ConversationSummary aliceRow = stores().conversations().listFor(alice, null, 10).getFirst();

        assertThat(aliceRow.unread()).isEqualTo(1);
        assertThat(aliceRow.lastSeq()).isEqualTo(2);
        assertThat(aliceRow.lastMessage()).isEqualTo(withheld);
        assertThat(stores().conversations().listFor(bob, null, 10).getFirst().unread()).isZero();
    }

    @Test
    void listsConversationsWithPeerUnreadCountAndLastMessageNewestFirst() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        AccountId carol = newAccount();
        ConversationId withBob = newDirect(alice, bob);
        ConversationId withCarol = newDirect(carol, alice);
        ConversationId quiet = newDirect(alice, newAccount());
        send(withBob, bob, 1);
        send(withBob, bob, 2);
        send(withBob, alice, 3);
        send(withBob, bob, 4);
        send(withCarol, carol, 5);
        Message lastFromAlice = send(withCarol, alice, 6);

        List<ConversationSummary> aliceList = stores().conversations().listFor(alice, null, 10);

        assertThat(aliceList).extracting(ConversationSummary::id).containsExactly(withCarol, withBob, quiet);
        ConversationSummary carolRow = aliceList.get(0);
        assertThat(carolRow).isEqualTo(new ConversationSummary(withCarol, ConversationKind.DIRECT, carol, 2, 2, 0,
                lastFromAlice, FUTURE.plusSeconds(6)));
        ConversationSummary bobRow = aliceList.get(1);
        assertThat(bobRow.peer()).isEqualTo(bob);
        assertThat(bobRow.lastSeq()).isEqualTo(4);
        assertThat(bobRow.readSeq()).isEqualTo(3);
        assertThat(bobRow.unread()).isEqualTo(1);
        assertThat(bobRow.lastMessage().seq()).isEqualTo(4);
        assertThat(aliceList.get(2).lastMessage()).isNull();
        assertThat(aliceList.get(2).unread()).isZero();

        ConversationSummary bobView = stores().conversations().listFor(bob, null, 10).getFirst();
        assertThat(bobView.peer()).isEqualTo(alice);
        assertThat(bobView.readSeq()).isEqualTo(4);
        assertThat(bobView.unread()).isZero();
        assertThat(stores().conversations().listFor(alice, null, 2)).hasSize(2);
        var afterFirst = ConversationPosition.of(aliceList.get(0));
        assertThat(stores().conversations().listFor(alice, afterFirst, 10)).extracting(ConversationSummary::id)
                .as("keyset paging continues after the position").containsExactly(withBob, quiet);
        assertThat(stores().conversations().listFor(newAccount(), null, 10)).isEmpty();
    }

    @Test
    void listsGroupsAndRoomsLikeDirectConversationsButWithoutAPeer() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        ConversationId direct = newDirect(alice, bob);
        ConversationId group = stores().memberships().write(w -> {
            ConversationId id = w.create(new NewConversation(ConversationKind.GROUP, null, new ConversationSettings(
                    "Group", null, null, null, InvitePolicy.ADMINS, HistoryVisibility.ALL, 0, 10), FUTURE)).id();
            w.addMember(id, alice, MemberRole.OWNER, 1, FUTURE);
            w.addMember(id, bob, MemberRole.MEMBER, 1, FUTURE);
            return id;
        }).result();
        send(direct, bob, 1);
        Message last = send(group, bob, 2);

        List<ConversationSummary> aliceList = stores().conversations().listFor(alice, null, 10);

        assertThat(aliceList).extracting(ConversationSummary::id).containsExactly(group, direct);
        assertThat(aliceList.getFirst()).isEqualTo(new ConversationSummary(group, ConversationKind.GROUP, null, 1, 0,
                1, last, FUTURE.plusSeconds(2)));
        assertThat(aliceList.get(1).peer()).isEqualTo(bob);
        assertThat(stores().conversations().kind(group)).contains(ConversationKind.GROUP);
        assertThat(stores().conversations().members(group)).containsExactly(alice, bob);
        assertThat(stores().conversations().markRead(group, alice, 1)).isEqualTo(1);
    }

    @Test
    void markReadMovesForwardOnlyAndStopsAtTheLastSeq() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        ConversationId conversation = newDirect(alice, bob);
        for (int i = 1; i <= 5; i++) {
            send(conversation, bob, i);
        }

        assertThat(stores().conversations().markRead(conversation, alice, 2)).isEqualTo(2);
        assertThat(stores().conversations().listFor(alice, null, 10).getFirst().unread()).isEqualTo(3);
        assertThat(stores().conversations().markRead(conversation, alice, 1)).isEqualTo(2);
        assertThat(stores().conversations().markRead(conversation, alice, 99)).isEqualTo(5);
        assertThat(stores().conversations().markRead(conversation, alice, 4)).isEqualTo(5);
        assertThat(stores().conversations().listFor(alice, null, 10).getFirst().unread()).isZero();
        assertThatThrownBy(() -> stores().conversations().markRead(conversation, newAccount(), 1))
                .isInstanceOfSatisfying(ConfabException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONVERSATION_NOT_FOUND));
    }

    @Test
    void groupPeersAreMembersOfSharedLiveGroupsOnly() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        AccountId carol = newAccount();
        AccountId dan = newAccount();
        newDirect(alice, dan);
        ConversationId group = conversationOf(ConversationKind.GROUP, alice, bob);
        conversationOf(ConversationKind.ROOM, alice, carol);

        assertThat(stores().conversations().groupPeersOf(alice)).as("not direct or room partners").containsExactly(bob);
        assertThat(stores().conversations().shareGroup(alice, bob)).isTrue();
        assertThat(stores().conversations().shareGroup(alice, carol)).isFalse();
        assertThat(stores().conversations().shareGroup(alice, dan)).isFalse();

        stores().memberships().write(w -> {
            w.markDisbanded(group, FUTURE);
            return null;
        });
        assertThat(stores().conversations().groupPeersOf(alice)).as("disbanded groups do not count").isEmpty();
        assertThat(stores().conversations().shareGroup(alice, bob)).isFalse();
    }

    @Test
    void receiptPositionsMoveForwardOnlyAndReadImpliesDelivered() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        ConversationId direct = newDirect(alice, bob);
        for (int i = 1; i <= 3; i++) {
            send(direct, alice, i);
        }
        assertThat(stores().conversations().markDelivered(direct, bob, 2)).isEqualTo(2);
        assertThat(stores().conversations().markDelivered(direct, bob, 1)).as("never backwards").isEqualTo(2);
        assertThat(stores().conversations().markDelivered(direct, bob, 99)).as("capped at the last seq").isEqualTo(3);
        stores().conversations().markRead(direct, alice, 0);
        assertThat(stores().conversations().positions(direct)).containsExactlyInAnyOrder(
                new ReceiptPosition(alice, 3, 3), new ReceiptPosition(bob, 3, 0));
        stores().conversations().markRead(direct, bob, 3);
        assertThat(stores().conversations().positions(direct)).contains(new ReceiptPosition(bob, 3, 3));
    }

    private ConversationId conversationOf(ConversationKind kind, AccountId owner, AccountId member) {
        return stores().memberships().write(w -> {
            ConversationId id = w.create(new NewConversation(kind, kind == ConversationKind.ROOM ? uniqueName("r") : null,
                    new ConversationSettings("C", null, null, null, InvitePolicy.ADMINS, HistoryVisibility.ALL, 0, 10),
                    FUTURE)).id();
            w.addMember(id, owner, MemberRole.OWNER, 1, FUTURE);
            w.addMember(id, member, MemberRole.MEMBER, 1, FUTURE);
            return id;
        }).result();
    }
}
