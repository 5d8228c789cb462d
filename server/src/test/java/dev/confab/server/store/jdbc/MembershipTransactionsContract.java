package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.conversations.ConversationSettings;
import dev.confab.server.conversations.MemberRole;
import dev.confab.server.conversations.MembershipStore.Committed;
import dev.confab.server.conversations.MembershipWrites;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.messages.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The transactional side of {@link dev.confab.server.conversations.MembershipStore#write}: system
 * messages in the timeline, and atomicity.
 */
abstract class MembershipTransactionsContract extends MembershipContract {

    @Test
    void systemMessagesAreStoredLikeUserMessagesAndReturnedAfterCommit() {
        AccountId owner = newAccount();
        ConversationId group = newGroup(owner).id();

        Committed<String> committed = memberships().write(w -> {
            w.appendSystemMessage(group, owner, "{\"type\":\"created\"}", CREATED);
            w.appendSystemMessage(group, owner, "{\"type\":\"edited\"}", CREATED.plusSeconds(1));
            return "done";
        });

        assertThat(committed.result()).isEqualTo("done");
        List<Message> messages = committed.systemMessages();
        assertThat(messages).extracting(Message::seq).containsExactly(1L, 2L);
        Message first = messages.getFirst();
        assertThat(first).isEqualTo(new Message(first.id(), group, 1, owner, "system", first.clientMessageId(),
                "application/vnd.confab.system+json", "{\"type\":\"created\"}", CREATED, false));
        assertThat(first.clientMessageId()).matches("system-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
        assertThat(messages.get(1).clientMessageId()).isNotEqualTo(first.clientMessageId());
        assertThat(stores().messages().after(group, 0, 10).messages()).containsExactlyElementsOf(messages);
        assertThat(memberships().write(w -> w.memberIds(group)).systemMessages()).isEmpty();
    }

    @Test
    void systemAndUserMessagesShareOneGapFreeSeq() {
        AccountId owner = newAccount();
        AccountId bob = newAccount();
        ConversationId group = newGroup(owner, bob).id();

        long[] seqs = {
                stores().messages().append(message(group, bob, uniqueName("m"), CREATED)).message().seq(),
                systemMessage(group, owner, "{}").seq(),
                stores().messages().append(message(group, owner, uniqueName("m"), CREATED)).message().seq(),
                systemMessage(group, bob, "{}").seq(),
                stores().messages().append(message(group, bob, uniqueName("m"), CREATED)).message().seq()};

        assertThat(seqs).containsExactly(1, 2, 3, 4, 5);
        assertThat(stores().messages().after(group, 0, 10).messages()).extracting(Message::senderDeviceId)
                .containsExactly("device-1", "system", "device-1", "system", "device-1");
    }

    @Test
    void systemMessagesMoveNoReadPosition() {
        AccountId owner = newAccount();
        AccountId bob = newAccount();
        ConversationId group = newGroup(owner, bob).id();

        systemMessage(group, owner, "{}");
        systemMessage(group, bob, "{}");

        assertThat(stores().conversations().listFor(owner, null, 10).getFirst().readSeq()).isZero();
        assertThat(stores().conversations().listFor(bob, null, 10).getFirst().readSeq()).isZero();
        assertThat(stores().conversations().listFor(bob, null, 10).getFirst().unread()).isEqualTo(1);
    }

    @Test
    void theSystemSpeaksRegardlessOfMembershipOrDisbanding() {
        AccountId owner = newAccount();
        ConversationId group = newGroup(owner).id();
        AccountId stranger = newAccount();

        Committed<Void> disbanding = memberships().write(w -> {
            w.appendSystemMessage(group, owner, "{\"type\":\"disbanded\"}", CREATED);
            w.markDisbanded(group, CREATED);
            w.removeMember(group, owner);
            w.appendSystemMessage(group, stranger, "{}", CREATED);
            return null;
        });

        assertThat(disbanding.systemMessages()).extracting(Message::seq).containsExactly(1L, 2L);
        assertThat(lastSeq(group)).isEqualTo(2);
        assertThatThrownBy(() -> systemMessage(new ConversationId(Long.MAX_VALUE), owner, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workThatThrowsCommitsNothingAndConsumesNoSeq() {
        AccountId owner = newAccount();
        AccountId bob = newAccount();
        ConversationId group = newGroup(owner).id();
        systemMessage(group, owner, "{}");
        ConversationSettings before = memberships().details(group).orElseThrow().settings();
        ConfabException failure = new ConfabException(ErrorCode.CONVERSATION_FULL);

        assertThatThrownBy(() -> memberships().write(w -> {
            w.lock(group);
            w.appendSystemMessage(group, owner, "{}", CREATED);
            w.addMember(group, bob, MemberRole.MEMBER, 2, CREATED);
            w.setRole(group, owner, MemberRole.ADMIN);
            w.updateSettings(group, settings("changed"));
            w.markDisbanded(group, CREATED);
            throw failure;
        })).isSameAs(failure);

        var details = memberships().details(group).orElseThrow();
        assertThat(details.lastSeq()).isEqualTo(1);
        assertThat(details.memberCount()).isEqualTo(1);
        assertThat(details.settings()).isEqualTo(before);
        assertThat(details.disbanded()).isFalse();
        assertThat(memberships().members(group)).extracting(m -> m.role()).containsExactly(MemberRole.OWNER);
        assertThat(stores().messages().after(group, 0, 10).messages()).hasSize(1);
        assertThat(systemMessage(group, owner, "{}").seq()).isEqualTo(2);
    }

    @Test
    void aFailingStatementRollsBackTheWorkAndIsReportedAsABug() {
        AccountId owner = newAccount();
        ConversationId group = newGroup(owner).id();

        assertThatThrownBy(() -> write(w -> {
            w.appendSystemMessage(group, owner, "{}", CREATED);
            w.addMember(group, owner, MemberRole.MEMBER, 1, CREATED);
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("during change membership");

        assertThat(lastSeq(group)).isZero();
        assertThat(memberships().details(group).orElseThrow().memberCount()).isEqualTo(1);
    }

    @Test
    void writesCannotBeUsedAfterTheirTransaction() {
        ConversationId group = newGroup(newAccount()).id();
        MembershipWrites leaked = write(w -> w);

        assertThatThrownBy(() -> leaked.memberIds(group)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> leaked.lock(group)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNewMembersUnreadCountCoversOnlyWhatTheyMayRead() {
        AccountId owner = newAccount();
        AccountId late = newAccount();
        ConversationId group = newGroup(owner).id();
        for (int i = 0; i < 3; i++) {
            stores().messages().append(message(group, owner, uniqueName("m"), CREATED));
        }

        write(w -> {
            Message joined = w.appendSystemMessage(group, owner, "{\"type\":\"added\"}", CREATED);
            w.addMember(group, late, MemberRole.MEMBER, joined.seq(), CREATED);
            return null;
        });

        var row = stores().conversations().listFor(late, null, 10).getFirst();
        assertThat(row.readSeq()).isEqualTo(3);
        assertThat(row.unread()).isEqualTo(1);
        assertThat(row.peer()).isNull();
    }
}
