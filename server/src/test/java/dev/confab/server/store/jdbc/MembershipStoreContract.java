package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationDetails;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.conversations.ConversationKind;
import dev.confab.server.conversations.ConversationSettings;
import dev.confab.server.conversations.HistoryVisibility;
import dev.confab.server.conversations.InvitePolicy;
import dev.confab.server.conversations.MemberRole;
import dev.confab.server.conversations.Membership;
import dev.confab.server.conversations.MembershipWrites;
import dev.confab.server.conversations.NewConversation;
import dev.confab.server.errors.ConfabException;
import java.util.Locale;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reads and writes of {@link dev.confab.server.conversations.MembershipStore} on groups and rooms. */
abstract class MembershipStoreContract extends MembershipContract {

    @Test
    void createsGroupsAndRoomsWithTheirSettingsAndNoMembers() {
        ConversationSettings settings = new ConversationSettings("Tea", "All about tea", "avatar-1", "Oolong",
                InvitePolicy.MEMBERS, HistoryVisibility.LAST_N, 25, 40);
        String alias = uniqueName("Tea-Room");

        ConversationDetails group = write(w -> w.create(new NewConversation(ConversationKind.GROUP, null, settings,
                CREATED)));
        ConversationDetails room = write(w -> w.create(new NewConversation(ConversationKind.ROOM, alias, settings,
                CREATED)));

        assertThat(group).isEqualTo(new ConversationDetails(group.id(), ConversationKind.GROUP, null, settings, 0, 0,
                1, CREATED, null));
        assertThat(room).isEqualTo(new ConversationDetails(room.id(), ConversationKind.ROOM, alias, settings, 0, 0,
                1, CREATED, null));
        assertThat(memberships().details(group.id())).contains(group);
        assertThat(memberships().details(room.id())).contains(room);
        assertThat(lock(room.id())).contains(room);
        assertThat(memberships().members(group.id())).isEmpty();
        assertThat(stores().conversations().kind(room.id())).contains(ConversationKind.ROOM);
    }

    @Test
    void aRoomAliasIsTakenIgnoringCaseAndTheClashCommitsNothing() {
        String alias = uniqueAlias("chess");
        AccountId owner = newAccount();
        ConversationDetails first = newRoom(alias, "Chess", owner);

        assertThatThrownBy(() -> write(w -> {
            ConversationDetails group = w.create(new NewConversation(ConversationKind.GROUP, null, settings("g"),
                    CREATED));
            w.addMember(group.id(), owner, MemberRole.OWNER, 1, CREATED);
            return w.create(new NewConversation(ConversationKind.ROOM, alias.toUpperCase(Locale.ROOT),
                    settings("Other chess"), CREATED));
        })).isInstanceOfSatisfying(ConfabException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ROOM_ALIAS_TAKEN));

        assertThat(memberships().roomByAlias(alias)).contains(first);
        assertThat(stores().conversations().listFor(owner, null, 10)).hasSize(1);
    }

    @Test
    void rejectsAConversationOfTheWrongShape() {
        assertThatThrownBy(() -> write(w -> w.create(new NewConversation(ConversationKind.DIRECT, null,
                settings("d"), CREATED)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> write(w -> w.create(new NewConversation(ConversationKind.ROOM, null,
                settings("r"), CREATED)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> write(w -> w.create(new NewConversation(ConversationKind.GROUP, uniqueAlias("g"),
                settings("g"), CREATED)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownAndDirectConversationsHaveNoDetails() {
        ConversationId unknown = new ConversationId(Long.MAX_VALUE);
        ConversationId direct = newDirect(newAccount(), newAccount());

        assertThat(lock(unknown)).isEmpty();
        assertThat(lock(direct)).isEmpty();
        assertThat(memberships().details(unknown)).isEmpty();
        assertThat(memberships().details(direct)).isEmpty();
    }

    @Test
    void directConversationsHavePlainMembersWhoSeeEverything() {
        AccountId alice = newAccount();
        ConversationId direct = newDirect(alice, newAccount());

        Membership membership = memberships().membership(direct, alice).orElseThrow();

        assertThat(membership.role()).isEqualTo(MemberRole.MEMBER);
        assertThat(membership.visibleFromSeq()).isEqualTo(1);
        assertThat(memberships().members(direct)).hasSize(2);
    }

    @Test
    void addingAndRemovingMembersKeepsTheMemberCount() {
        AccountId owner = newAccount();
        AccountId bob = newAccount();
        AccountId carol = newAccount();
        ConversationId group = newGroup(owner).id();

        write(w -> {
            w.addMember(group, bob, MemberRole.MEMBER, 7, CREATED.plusSeconds(5));
            w.addMember(group, carol, MemberRole.ADMIN, 1, CREATED.plusSeconds(6));
            return null;
        });

        assertThat(memberships().details(group).orElseThrow().memberCount()).isEqualTo(3);
        assertThat(memberships().membership(group, bob))
                .contains(new Membership(bob, MemberRole.MEMBER, 7, CREATED.plusSeconds(5)));
        assertThat(stores().conversations().isMember(group, carol)).isTrue();
        assertThat(memberships().write(w -> w.removeMember(group, bob)).result()).isTrue();
        assertThat(memberships().write(w -> w.removeMember(group, bob)).result()).isFalse();
        assertThat(memberships().details(group).orElseThrow().memberCount()).isEqualTo(2);
        assertThat(memberships().membership(group, bob)).isEmpty();
        assertThat(memberIds(group)).containsExactly(owner, carol);
    }

    @Test
    void addingManyMembersAtOnceIsLikeAddingThemOneByOne() {
        AccountId owner = newAccount();
        ConversationId group = newGroup(owner).id();
        List<MembershipWrites.NewMember> many = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            many.add(new MembershipWrites.NewMember(newAccount(), MemberRole.MEMBER, 3 + i));
        }

        write(w -> {
            w.addMembers(group, many, CREATED.plusSeconds(5));
            w.addMembers(group, List.of(), CREATED.plusSeconds(6));
            return null;
        });

        assertThat(memberships().details(group).orElseThrow().memberCount()).isEqualTo(601);
        MembershipWrites.NewMember last = many.getLast();
        assertThat(memberships().membership(group, last.account()))
                .contains(new Membership(last.account(), MemberRole.MEMBER, 602, CREATED.plusSeconds(5)));
        var row = stores().conversations().listFor(last.account(), null, 10).getFirst();
        assertThat(row.readSeq()).as("read position just before what they may read").isEqualTo(601);
        assertThat(memberIds(group)).hasSize(601).startsWith(owner);
    }

    @Test
    void listsTheOwnerThenAdminsThenMembersEachByJoiningTime() {
        AccountId owner = newAccount();
        AccountId early = newAccount();
        AccountId late = newAccount();
        AccountId admin = newAccount();
        AccountId promoted = newAccount();
        ConversationId group = newGroup(owner, early, late, admin, promoted).id();

        write(w -> {
            w.setRole(group, admin, MemberRole.ADMIN);
            w.setRole(group, promoted, MemberRole.ADMIN);
            return null;
        });

        assertThat(memberships().members(group)).extracting(Membership::account)
                .containsExactly(owner, admin, promoted, early, late);
        assertThat(memberships().members(group)).extracting(Membership::role).containsExactly(MemberRole.OWNER,
                MemberRole.ADMIN, MemberRole.ADMIN, MemberRole.MEMBER, MemberRole.MEMBER);
        assertThat(memberIds(group)).containsExactly(owner, admin, promoted, early, late);

        write(w -> {
            w.setRole(group, owner, MemberRole.ADMIN);
            w.setRole(group, late, MemberRole.OWNER);
            return null;
        });

        assertThat(memberships().members(group)).extracting(Membership::account)
                .containsExactly(late, owner, admin, promoted, early);
        AccountId stranger = newAccount();
        assertThatThrownBy(() -> write(w -> {
            w.setRole(group, stranger, MemberRole.ADMIN);
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsRoundTripAndTheLockSeesThemInTheSameTransaction() {
        ConversationDetails group = newGroup(newAccount());
        ConversationSettings changed = new ConversationSettings("Renamed", null, "avatar-2", "news",
                InvitePolicy.MEMBERS, HistoryVisibility.FROM_JOIN, 3, 12);

        ConversationDetails locked = write(w -> {
            w.updateSettings(group.id(), changed);
            return w.lock(group.id()).orElseThrow();
        });

        assertThat(locked.settings()).isEqualTo(changed);
        assertThat(memberships().details(group.id())).contains(locked);
        assertThat(locked.memberCount()).isEqualTo(group.memberCount());
    }

    @Test
    void disbandingKeepsItsFirstTimeAndTheMembers() {
        AccountId owner = newAccount();
        ConversationDetails group = newGroup(owner, newAccount());

        write(w -> {
            w.markDisbanded(group.id(), CREATED.plusSeconds(60));
            return null;
        });
        write(w -> {
            w.markDisbanded(group.id(), CREATED.plusSeconds(120));
            return null;
        });

        ConversationDetails disbanded = memberships().details(group.id()).orElseThrow();
        assertThat(disbanded.disbanded()).isTrue();
        assertThat(disbanded.disbandedAt()).isEqualTo(CREATED.plusSeconds(60));
        assertThat(disbanded.memberCount()).isEqualTo(2);
        assertThat(memberships().membership(group.id(), owner)).isPresent();
    }

    @Test
    void findsARoomByAliasIgnoringCase() {
        String alias = uniqueAlias("Lobby");
        ConversationDetails room = newRoom(alias, "Lobby", newAccount());

        assertThat(memberships().roomByAlias(alias.toUpperCase(Locale.ROOT))).contains(room);
        assertThat(memberships().roomByAlias(alias + "x")).isEmpty();
    }

    @Test
    void searchesLiveRoomsByAliasOrTitlePrefixIgnoringCaseInAliasOrder() {
        String tag = uniqueAlias("q");
        AccountId owner = newAccount();
        ConversationDetails beta = newRoom(tag + "-beta", "Anything", owner);
        ConversationDetails alpha = newRoom(tag + "-alpha", "Whatever", owner);
        ConversationDetails byTitle = newRoom("z" + tag, tag.toUpperCase(Locale.ROOT) + " by title", owner);
        ConversationDetails umlaut = newRoom(uniqueAlias("u"), "Ärger " + tag, owner);
        ConversationDetails emoji = newRoom(uniqueAlias("e"), "\uD83D\uDE00" + tag, owner);
        ConversationDetails disbanded = newRoom(tag + "-gone", "Gone", owner);
        write(w -> {
            w.markDisbanded(disbanded.id(), CREATED);
            ConversationDetails group = w.create(new NewConversation(ConversationKind.GROUP, null,
                    settings(tag + " group"), CREATED));
            w.addMember(group.id(), owner, MemberRole.OWNER, 1, CREATED);
            return null;
        });

        assertThat(memberships().searchRooms(tag.toUpperCase(Locale.ROOT), 10))
                .containsExactly(alpha, beta, byTitle);
        assertThat(memberships().searchRooms(tag, 2)).containsExactly(alpha, beta);
        assertThat(memberships().searchRooms(tag + "-b", 10)).containsExactly(beta);
        assertThat(memberships().searchRooms("äRGER " + tag, 10)).containsExactly(umlaut);
        assertThat(memberships().searchRooms("\uD83D\uDE00" + tag, 10)).containsExactly(emoji);
        assertThat(memberships().searchRooms("\uD83D\uDE01", 10)).doesNotContain(emoji);
        assertThat(memberships().searchRooms(tag + "%", 10)).isEmpty();
        assertThat(memberships().searchRooms(tag.substring(0, tag.length() - 1) + "_", 10)).isEmpty();
        assertThat(memberships().searchRooms("", 1000)).contains(alpha, beta, byTitle, umlaut)
                .doesNotContain(disbanded)
                .allSatisfy(room -> assertThat(room.kind()).isEqualTo(ConversationKind.ROOM))
                .isSortedAccordingTo((a, b) -> a.alias().toLowerCase(Locale.ROOT)
                        .compareTo(b.alias().toLowerCase(Locale.ROOT)));
        assertThat(memberships().searchRooms(tag, 0)).isEmpty();
    }
}
