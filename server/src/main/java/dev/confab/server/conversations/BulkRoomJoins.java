package dev.confab.server.conversations;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.Account;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AccountStore;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.messages.Message;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Many accounts join a room at once (the admin API), by the rules of {@link RoomService#join} for each
 * of them: the room must exist and not be disbanded, people who are members already are left as they
 * are, the room's capacity holds, and every newcomer's join is recorded as its own {@code member.joined}
 * system message (actor: the newcomer), which takes the next seq through the usual append path, sets
 * where the newcomer's readable history starts, and is pushed to the members of that moment (those before,
 * and the newcomers up to this one). Only the HTTP requests are saved, and the member rows are written in
 * batched inserts.
 *
 * <p>All or nothing: everything happens in one transaction under the room's lock, and a batch that does
 * not fit is refused whole with {@code room.full}. Blocking.
 */
public final class BulkRoomJoins {
    private static final int UNKNOWN_IDS_SHOWN = 10;

    private final MembershipStore store;
    private final AccountStore accounts;
    private final Timeline timeline;
    private final int maxPeople;
    private final Clock clock;

    /** @param maxPeople the most accounts one call may name */
    public BulkRoomJoins(MembershipStore store, AccountStore accounts, Timeline timeline, int maxPeople, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.timeline = timeline;
        this.maxPeople = maxPeople;
        this.clock = clock;
    }

    /**
     * The room afterwards, who joined (in the order given, repeats dropped) and who was a member already.
     */
    public record Result(ConversationDetails room, List<AccountId> joined, List<AccountId> alreadyMembers) {
    }

    /**
     * Adds the accounts to the room named by id or alias.
     *
     * @throws ConfabException {@code request.invalid} for no accounts or more than the limit;
     *                         {@code room.not_found}; {@code user.not_found} when an id names no account;
     *                         {@code room.full} when the newcomers do not all fit
     */
    public Result join(String idOrAlias, List<AccountId> people) {
        if (people == null || people.isEmpty()) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'userIds' must name at least one account.");
        }
        Set<AccountId> wanted = new LinkedHashSet<>(people);
        if (wanted.size() > maxPeople) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'userIds' may name at most " + maxPeople
                    + " accounts (admin.max-bulk-accounts), named " + wanted.size() + ".");
        }
        ConversationId id = RoomService.find(store, idOrAlias).map(ConversationDetails::id)
                .orElseThrow(() -> new ConfabException(ErrorCode.ROOM_NOT_FOUND));
        requireAccounts(wanted);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return timeline.deliverEach(id, store.write(tx -> {
            ConversationDetails room = tx.lock(id).filter(d -> d.kind() == ConversationKind.ROOM && !d.disbanded())
                    .orElseThrow(() -> new ConfabException(ErrorCode.ROOM_NOT_FOUND));
            List<AccountId> members = new ArrayList<>(tx.memberIds(id));
            Set<AccountId> current = new HashSet<>(members);
            List<AccountId> already = wanted.stream().filter(current::contains).toList();
            List<AccountId> newcomers = wanted.stream().filter(a -> !current.contains(a)).toList();
            int free = Math.max(0, room.settings().capacity() - room.memberCount());
            if (newcomers.size() > free) {
                throw new ConfabException(ErrorCode.ROOM_FULL, "The room has room for " + free + " more members; "
                        + newcomers.size() + " would join.");
            }
            List<MembershipWrites.NewMember> added = new ArrayList<>(newcomers.size());
            for (AccountId newcomer : newcomers) {
                Message notice = timeline.note(tx, id, new SystemNotice("member.joined", newcomer, List.of(), null), now);
                added.add(new MembershipWrites.NewMember(newcomer, MemberRole.MEMBER,
                        MembershipService.visibleFrom(room, notice.seq())));
            }
            tx.addMembers(id, added, now);
            int before = members.size();
            members.addAll(newcomers);
            List<List<AccountId>> audiences = IntStream.range(0, newcomers.size())
                    .mapToObj(i -> members.subList(0, before + i + 1)).toList();
            return new Timeline.Outcomes<>(new Result(tx.lock(id).orElseThrow(), newcomers, already), audiences);
        }));
    }

    private void requireAccounts(Set<AccountId> wanted) {
        Set<AccountId> known = accounts.findByIds(wanted).stream().map(Account::id).collect(Collectors.toSet());
        List<AccountId> unknown = wanted.stream().filter(a -> !known.contains(a)).toList();
        if (!unknown.isEmpty()) {
            String shown = unknown.stream().limit(UNKNOWN_IDS_SHOWN).map(AccountId::toString)
                    .collect(Collectors.joining(", "));
            throw new ConfabException(ErrorCode.USER_NOT_FOUND, "No account has the id " + shown
                    + (unknown.size() > UNKNOWN_IDS_SHOWN ? " (and " + (unknown.size() - UNKNOWN_IDS_SHOWN) + " more)" : "")
                    + ".");
        }
    }
}
