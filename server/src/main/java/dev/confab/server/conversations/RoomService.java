package dev.confab.server.conversations;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.errors.ConfabException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Public rooms: anyone creates one under a unique alias, finds it in the directory and joins by id or
 * alias, up to the room's capacity ({@code room.full}); unknown or disbanded rooms are
 * {@code room.not_found}. New members read history as the room's history setting says. Blocking.
 */
public final class RoomService {
    private final MembershipStore store;
    private final MembershipService memberships;
    private final Timeline timeline;
    private final SettingsRules rules;

    public RoomService(MembershipStore store, MembershipService memberships, Timeline timeline, SettingsRules rules) {
        this.store = store;
        this.memberships = memberships;
        this.timeline = timeline;
        this.rules = rules;
    }

    /** The requested settings of a new room; null fields take defaults (ALL history, default capacity). */
    public record Draft(String alias, String title, String topic, Integer capacity, String history, Integer historyLastN,
                        Integer retentionMaxMessages, Integer retentionMaxDays) {
    }

    public ConversationDetails create(AuthenticatedSession who, Draft draft) {
        String alias = rules.alias(draft.alias());
        HistoryVisibility history = rules.history(draft.history(), HistoryVisibility.ALL);
        ConversationSettings settings = new ConversationSettings(rules.title(draft.title()), null, null,
                rules.text(draft.topic()), InvitePolicy.ADMINS, history, rules.historyLastN(draft.historyLastN(), history, 0),
                rules.roomCapacity(draft.capacity(), rules.limits().defaultRoomCapacity()),
                rules.retentionMaxMessages(draft.retentionMaxMessages(), 0),
                rules.retentionMaxAge(draft.retentionMaxDays(), java.time.Duration.ZERO));
        Instant now = memberships.now();
        return timeline.deliver(null, store.write(tx -> {
            ConversationDetails created = tx.create(new NewConversation(ConversationKind.ROOM, alias, settings, now));
            tx.addMember(created.id(), who.accountId(), MemberRole.OWNER, 1, now);
            timeline.note(tx, created.id(), new SystemNotice("room.created", who.accountId(), List.of(), alias), now);
            return new Timeline.Outcome<>(tx.lock(created.id()).orElseThrow(), List.of(who.accountId()));
        }));
    }

    /** Joins by numeric id or alias. Joining a room one is in already changes nothing. */
    public ConversationDetails join(AuthenticatedSession who, String idOrAlias) {
        ConversationId id = find(idOrAlias).map(ConversationDetails::id)
                .orElseThrow(() -> new ConfabException(ErrorCode.ROOM_NOT_FOUND));
        return timeline.deliver(id, store.write(tx -> {
            ConversationDetails room = tx.lock(id).filter(d -> d.kind() == ConversationKind.ROOM && !d.disbanded())
                    .orElseThrow(() -> new ConfabException(ErrorCode.ROOM_NOT_FOUND));
            if (tx.membership(id, who.accountId()).isPresent()) {
                return new Timeline.Outcome<>(room, List.of());
            }
            if (room.memberCount() >= room.settings().capacity()) {
                throw new ConfabException(ErrorCode.ROOM_FULL);
            }
            Instant now = memberships.now();
            tx.addMember(id, who.accountId(), MemberRole.MEMBER, MembershipService.visibleFrom(room, room.lastSeq() + 1), now);
            timeline.note(tx, id, new SystemNotice("member.joined", who.accountId(), List.of(), null), now);
            return new Timeline.Outcome<>(tx.lock(id).orElseThrow(), tx.memberIds(id));
        }));
    }

    /** Rooms whose alias or title starts with {@code prefix} (all when blank), by alias. */
    public List<ConversationDetails> directory(String prefix, Integer limit) {
        int max = rules.limits().maxDirectoryPage();
        int size = limit == null ? max : Math.max(1, Math.min(limit, max));
        return store.searchRooms(prefix == null ? "" : prefix.strip(), size);
    }

    private Optional<ConversationDetails> find(String idOrAlias) {
        return find(store, idOrAlias);
    }

    /** A room by numeric id (digits only, shorter than 19) or by alias; empty for anything else. */
    static Optional<ConversationDetails> find(MembershipStore store, String idOrAlias) {
        if (idOrAlias == null || idOrAlias.isBlank()) {
            return Optional.empty();
        }
        if (idOrAlias.chars().allMatch(Character::isDigit) && idOrAlias.length() < 19) {
            return store.details(new ConversationId(Long.parseLong(idOrAlias)))
                    .filter(d -> d.kind() == ConversationKind.ROOM);
        }
        return store.roomByAlias(idOrAlias.strip());
    }
}
