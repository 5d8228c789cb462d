package dev.confab.server.conversations;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.Account;
import dev.confab.server.accounts.AccountStore;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.errors.ConfabException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A member's view of their conversations: the list with unread counts, and read positions. Blocking. */
public final class ConversationService {
    private final ConversationStore conversations;
    private final AccountStore accounts;
    private final MembershipStore memberships;
    private final int defaultPageSize;
    private final int maxPageSize;

    public ConversationService(ConversationStore conversations, AccountStore accounts, MembershipStore memberships,
                               int defaultPageSize, int maxPageSize) {
        this.memberships = memberships;
        this.conversations = conversations;
        this.accounts = accounts;
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
    }

    /** One page of the caller's conversations; {@code before} is the previous page's cursor or null. */
    public ConversationListing list(AuthenticatedSession who, String before, Integer limit) {
        if (limit != null && limit < 1) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'limit' must be 1 or more.");
        }
        int size = limit == null ? defaultPageSize : Math.min(limit, maxPageSize);
        ConversationPosition after = before == null || before.isEmpty() ? null : ConversationPosition.parse(before);
        var fetched = conversations.listFor(who.accountId(), after, size + 1);
        boolean more = fetched.size() > size;
        var list = (more ? fetched.subList(0, size) : fetched).stream().map(c -> c.lastMessage() == null ? c
                : new ConversationSummary(c.id(), c.kind(), c.peer(), c.lastSeq(), c.readSeq(), c.unread(),
                        c.lastMessage().visibleTo(who.accountId()), c.updatedAt())).toList();
        var peers = list.stream().map(ConversationSummary::peer).filter(Objects::nonNull).distinct().toList();
        var people = accounts.findByIds(peers).stream().collect(Collectors.toMap(Account::id, Function.identity()));
        var details = new java.util.HashMap<ConversationId, ConversationDetails>();
        list.stream().filter(c -> c.kind() != ConversationKind.DIRECT)
                .forEach(c -> memberships.details(c.id()).ifPresent(d -> details.put(c.id(), d)));
        return new ConversationListing(List.copyOf(list), people, details,
                more ? ConversationPosition.of(list.getLast()) : null);
    }

}
