package dev.confab.server.conversations;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.errors.ConfabException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What members do with a group or room they are in: look, leave, manage members and roles, edit,
 * disband. Each change locks the conversation, checks the caller's role, and records a system message
 * in the same transaction. People who are not members (strangers, ex-members) get
 * {@code conversation.not_found} for everything, so membership is not revealed. Blocking.
 *
 * <p>Permissions: the owner may do everything; admins may edit, and remove plain members; members may
 * leave (and invite, in groups that allow it — see {@link GroupService}). The owner leaves only after
 * transferring ownership; disbanding is the owner's alone.
 */
public final class MembershipService {
    private final MembershipStore store;
    private final Timeline timeline;
    private final SettingsRules rules;
    private final Clock clock;

    public MembershipService(MembershipStore store, Timeline timeline, SettingsRules rules, Clock clock) {
        this.store = store;
        this.timeline = timeline;
        this.rules = rules;
        this.clock = clock;
    }

    public ConversationDetails details(AuthenticatedSession who, ConversationId id) {
        requireMembership(who.accountId(), id);
        return store.details(id).orElseThrow(() -> new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND));
    }

    public Membership myMembership(AuthenticatedSession who, ConversationId id) {
        return requireMembership(who.accountId(), id);
    }

    public List<Membership> members(AuthenticatedSession who, ConversationId id) {
        details(who, id);
        return store.members(id);
    }

    public void leave(AuthenticatedSession who, ConversationId id) {
        change(who, id, false, (tx, details, me) -> {
            if (details.disbanded()) {
                tx.removeMember(id, who.accountId());
                return new Timeline.Outcome<Void>(null, List.of());
            }
            if (me.role() == MemberRole.OWNER && details.memberCount() > 1) {
                throw new ConfabException(ErrorCode.CONVERSATION_OWNER_MUST_TRANSFER);
            }
            if (me.role() == MemberRole.OWNER) {
                // The last member is the owner: leaving would strand an ownerless conversation, so it ends.
                timeline.note(tx, id, new SystemNotice("conversation.disbanded", who.accountId(), List.of(), null), now());
                tx.markDisbanded(id, now());
                tx.removeMember(id, who.accountId());
                return new Timeline.Outcome<Void>(null, List.of(who.accountId()));
            }
            Set<AccountId> audience = new HashSet<>(tx.memberIds(id));
            timeline.note(tx, id, new SystemNotice("member.left", who.accountId(), List.of(), null), now());
            tx.removeMember(id, who.accountId());
            return new Timeline.Outcome<Void>(null, audience);
        });
    }

    public void remove(AuthenticatedSession who, ConversationId id, AccountId target) {
        change(who, id, true, (tx, details, me) -> {
            Membership them = tx.membership(id, target).orElseThrow(() -> new ConfabException(ErrorCode.CONVERSATION_NOT_MEMBER));
            boolean allowed = !target.equals(who.accountId()) && (me.role() == MemberRole.OWNER
                    || (me.role() == MemberRole.ADMIN && them.role() == MemberRole.MEMBER));
            if (!allowed) {
                throw new ConfabException(ErrorCode.CONVERSATION_FORBIDDEN);
            }
            Set<AccountId> audience = new HashSet<>(tx.memberIds(id));
            timeline.note(tx, id, new SystemNotice("member.removed", who.accountId(), List.of(target), null), now());
            tx.removeMember(id, target);
            return new Timeline.Outcome<Void>(null, audience);
        });
    }

    public void setRole(AuthenticatedSession who, ConversationId id, AccountId target, String role) {
        MemberRole newRole = rules.assignableRole(role);
        change(who, id, true, (tx, details, me) -> {
            requireOwner(me);
            Membership them = tx.membership(id, target).orElseThrow(() -> new ConfabException(ErrorCode.CONVERSATION_NOT_MEMBER));
            if (them.role() == MemberRole.OWNER) {
                throw new ConfabException(ErrorCode.CONVERSATION_FORBIDDEN, "The owner's role changes only by a transfer.");
            }
            tx.setRole(id, target, newRole);
            timeline.note(tx, id, new SystemNotice("member.role_changed", who.accountId(), List.of(target), newRole.name()), now());
            return new Timeline.Outcome<Void>(null, tx.memberIds(id));
        });
    }

    public void transfer(AuthenticatedSession who, ConversationId id, AccountId target) {
        change(who, id, true, (tx, details, me) -> {
            requireOwner(me);
            if (target.equals(who.accountId())) {
                throw new ConfabException(ErrorCode.CONVERSATION_ALREADY_MEMBER, "You are the owner already.");
            }
            tx.membership(id, target).orElseThrow(() -> new ConfabException(ErrorCode.CONVERSATION_NOT_MEMBER));
            tx.setRole(id, target, MemberRole.OWNER);
            tx.setRole(id, who.accountId(), MemberRole.ADMIN);
            timeline.note(tx, id, new SystemNotice("owner.transferred", who.accountId(), List.of(target), null), now());
            return new Timeline.Outcome<Void>(null, tx.memberIds(id));
        });
    }

    /**
     * Applies an edit (owner or admin); {@code edit} returns the new settings from the current
     * conversation. An edit that changes nothing records nothing.
     */
    public ConversationDetails edit(AuthenticatedSession who, ConversationId id,
                                    java.util.function.Function<ConversationDetails, ConversationSettings> edit,
                                    String changedFields) {
        return change(who, id, true, (tx, details, me) -> {
            if (!me.role().manages()) {
                throw new ConfabException(ErrorCode.CONVERSATION_FORBIDDEN);
            }
            ConversationSettings settings = edit.apply(details);
            if (settings.equals(details.settings())) {
                return new Timeline.Outcome<>(details, List.of());
            }
            if (settings.capacity() < details.memberCount()) {
                throw new ConfabException(ErrorCode.CONVERSATION_INVALID_SETTINGS, "The capacity is below the member count.");
            }
            tx.updateSettings(id, settings);
            timeline.note(tx, id, new SystemNotice("conversation.edited", who.accountId(), List.of(), changedFields), now());
            return new Timeline.Outcome<>(tx.lock(id).orElseThrow(), tx.memberIds(id));
        });
    }

    /** The owner disbands: the timeline says so, then the conversation becomes read-only for its members. */
    public void disband(AuthenticatedSession who, ConversationId id) {
        change(who, id, true, (tx, details, me) -> {
            requireOwner(me);
            timeline.note(tx, id, new SystemNotice("conversation.disbanded", who.accountId(), List.of(), null), now());
            tx.markDisbanded(id, now());
            return new Timeline.Outcome<Void>(null, tx.memberIds(id));
        });
    }

    /** Where a new member's readable history starts, given the history setting and the seq of their join notice. */
    static long visibleFrom(ConversationDetails details, long joinSeq) {
        return switch (details.settings().history()) {
            case ALL -> details.minSeq();
            case FROM_JOIN -> joinSeq;
            case LAST_N -> Math.max(details.minSeq(), joinSeq - details.settings().historyLastN());
        };
    }

    /** A locked change by a member of a live (not disbanded) group or room. */
    interface Change<R> {
        Timeline.Outcome<R> apply(MembershipWrites tx, ConversationDetails details, Membership me);
    }

    <R> R change(AuthenticatedSession who, ConversationId id, boolean needsLive, Change<R> change) {
        return timeline.deliver(id, store.write(tx -> {
            ConversationDetails details = tx.lock(id).orElseThrow(() -> new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND));
            Membership me = tx.membership(id, who.accountId())
                    .orElseThrow(() -> new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND));
            if (details.disbanded() && needsLive) {
                throw new ConfabException(ErrorCode.CONVERSATION_DISBANDED);
            }
            return change.apply(tx, details, me);
        }));
    }

    private Membership requireMembership(AccountId account, ConversationId id) {
        return store.membership(id, account).orElseThrow(() -> new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND));
    }

    private static void requireOwner(Membership me) {
        if (me.role() != MemberRole.OWNER) {
            throw new ConfabException(ErrorCode.CONVERSATION_FORBIDDEN);
        }
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
