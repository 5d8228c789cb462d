package dev.confab.server.conversations;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.contacts.ContactStore;
import dev.confab.server.errors.ConfabException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Invite-only groups: created among the creator's friends, grown by invitation (by admins, or by any
 * member when the group allows it), never beyond the configured size. Blocking.
 */
public final class GroupService {
    private final MembershipStore store;
    private final MembershipService memberships;
    private final ContactStore contacts;
    private final Timeline timeline;
    private final SettingsRules rules;

    public GroupService(MembershipStore store, MembershipService memberships, ContactStore contacts, Timeline timeline,
                        SettingsRules rules) {
        this.store = store;
        this.memberships = memberships;
        this.contacts = contacts;
        this.timeline = timeline;
        this.rules = rules;
    }

    /** The requested settings of a new group; null fields take defaults (ADMINS invite, FROM_JOIN history). */
    public record Draft(String title, String description, String avatar, List<AccountId> members, String invitePolicy,
                        String history, Integer historyLastN) {
    }

    public ConversationDetails create(AuthenticatedSession who, Draft draft) {
        HistoryVisibility history = rules.history(draft.history(), HistoryVisibility.FROM_JOIN);
        ConversationSettings settings = new ConversationSettings(rules.title(draft.title()), rules.text(draft.description()),
                rules.avatar(draft.avatar()), null, rules.invitePolicy(draft.invitePolicy(), InvitePolicy.ADMINS), history,
                rules.historyLastN(draft.historyLastN(), history, 0), rules.limits().maxGroupSize());
        Set<AccountId> invited = new LinkedHashSet<>(draft.members() == null ? List.of() : draft.members());
        invited.remove(who.accountId());
        requireFriends(who.accountId(), invited);
        if (invited.size() + 1 > settings.capacity()) {
            throw new ConfabException(ErrorCode.CONVERSATION_FULL);
        }
        Instant now = memberships.now();
        return timeline.deliver(null, store.write(tx -> {
            ConversationDetails created = tx.create(new NewConversation(ConversationKind.GROUP, null, settings, now));
            tx.addMember(created.id(), who.accountId(), MemberRole.OWNER, 1, now);
            invited.forEach(a -> tx.addMember(created.id(), a, MemberRole.MEMBER, 1, now));
            timeline.note(tx, created.id(), new SystemNotice("group.created", who.accountId(), List.copyOf(invited),
                    settings.title()), now);
            return new Timeline.Outcome<>(tx.lock(created.id()).orElseThrow(), tx.memberIds(created.id()));
        }));
    }

    /** Adds friends of the inviter; they can read history as the group's history setting says. */
    public void invite(AuthenticatedSession who, ConversationId id, List<AccountId> people) {
        Set<AccountId> invited = new LinkedHashSet<>(people == null ? List.of() : people);
        if (invited.isEmpty()) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'userIds' must name at least one person.");
        }
        requireFriends(who.accountId(), invited);
        memberships.change(who, id, true, (tx, details, me) -> {
            if (details.kind() != ConversationKind.GROUP) {
                throw new ConfabException(ErrorCode.CONVERSATION_FORBIDDEN, "People join rooms by themselves.");
            }
            if (!me.role().manages() && details.settings().invitePolicy() != InvitePolicy.MEMBERS) {
                throw new ConfabException(ErrorCode.CONVERSATION_FORBIDDEN);
            }
            for (AccountId a : invited) {
                if (tx.membership(id, a).isPresent()) {
                    throw new ConfabException(ErrorCode.CONVERSATION_ALREADY_MEMBER);
                }
            }
            if (details.memberCount() + invited.size() > details.settings().capacity()) {
                throw new ConfabException(ErrorCode.CONVERSATION_FULL);
            }
            Instant now = memberships.now();
            long visibleFrom = MembershipService.visibleFrom(details, details.lastSeq() + 1);
            invited.forEach(a -> tx.addMember(id, a, MemberRole.MEMBER, visibleFrom, now));
            timeline.note(tx, id, new SystemNotice("member.invited", who.accountId(), List.copyOf(invited), null), now);
            return new Timeline.Outcome<Void>(null, new HashSet<>(tx.memberIds(id)));
        });
    }

    private void requireFriends(AccountId me, Set<AccountId> people) {
        for (AccountId a : people) {
            if (!contacts.areFriends(me, a)) {
                throw new ConfabException(ErrorCode.CONTACT_NOT_FRIENDS, "Groups are made of friends; user " + a
                        + " is not your friend.");
            }
        }
    }
}
