package dev.confab.server.store.jdbc;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationDetails;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.conversations.ConversationKind;
import dev.confab.server.conversations.ConversationSettings;
import dev.confab.server.conversations.HistoryVisibility;
import dev.confab.server.conversations.InvitePolicy;
import dev.confab.server.conversations.MemberRole;
import dev.confab.server.conversations.MembershipStore;
import dev.confab.server.conversations.MembershipWrites;
import dev.confab.server.conversations.NewConversation;
import dev.confab.server.messages.Message;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Base of the group and room contracts: ways to make groups and rooms and to change them. */
abstract class MembershipContract extends StoreContract {

    protected static final Instant CREATED = Instant.parse("2030-05-06T07:08:09.123Z");

    /** The database of the test class, for checks no port offers. */
    protected abstract Database database();

    protected MembershipStore memberships() {
        return stores().memberships();
    }

    protected static ConversationSettings settings(String title) {
        return new ConversationSettings(title, "about " + title, null, null, InvitePolicy.ADMINS,
                HistoryVisibility.ALL, 0, 500);
    }

    /** A lower-case alias no other test uses. */
    protected static String uniqueAlias(String prefix) {
        return uniqueName(prefix).toLowerCase(Locale.ROOT);
    }

    /** Runs {@code work} in one membership transaction and returns its result. */
    protected <R> R write(Function<MembershipWrites, R> work) {
        return memberships().write(work).result();
    }

    /** A group owned by {@code owner} with {@code members}, joined in that order one second apart. */
    protected ConversationDetails newGroup(AccountId owner, AccountId... members) {
        return write(w -> {
            ConversationDetails group = w.create(new NewConversation(ConversationKind.GROUP, null,
                    settings("group"), CREATED));
            addAll(w, group.id(), owner, List.of(members));
            return w.lock(group.id()).orElseThrow();
        });
    }

    /** A room with {@code alias} and {@code title}, owned by {@code owner}. */
    protected ConversationDetails newRoom(String alias, String title, AccountId owner) {
        return write(w -> {
            ConversationDetails room = w.create(new NewConversation(ConversationKind.ROOM, alias, settings(title),
                    CREATED));
            addAll(w, room.id(), owner, List.of());
            return w.lock(room.id()).orElseThrow();
        });
    }

    private static void addAll(MembershipWrites w, ConversationId id, AccountId owner, List<AccountId> members) {
        w.addMember(id, owner, MemberRole.OWNER, 1, CREATED);
        for (int i = 0; i < members.size(); i++) {
            w.addMember(id, members.get(i), MemberRole.MEMBER, 1, CREATED.plusSeconds(i + 1));
        }
    }

    /** Locks and reads the conversation in a transaction of its own. */
    protected Optional<ConversationDetails> lock(ConversationId conversation) {
        return write(w -> w.lock(conversation));
    }

    protected List<AccountId> memberIds(ConversationId conversation) {
        return write(w -> w.memberIds(conversation));
    }

    protected Message systemMessage(ConversationId conversation, AccountId actor, String body) {
        return write(w -> w.appendSystemMessage(conversation, actor, body, CREATED));
    }

    protected long lastSeq(ConversationId conversation) {
        return memberships().details(conversation).orElseThrow().lastSeq();
    }
}
