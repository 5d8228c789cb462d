package dev.confab.server.conversations;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.Account;
import dev.confab.server.accounts.AccountStore;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.errors.ConfabException;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A member's view of their conversations: the list with unread counts, and read positions. Blocking. */
public final class ConversationService {
    private final ConversationStore conversations;
    private final AccountStore accounts;
    private final int maxListed;

    public ConversationService(ConversationStore conversations, AccountStore accounts, int maxListed) {
        this.conversations = conversations;
        this.accounts = accounts;
        this.maxListed = maxListed;
    }

    public ConversationListing list(AuthenticatedSession who) {
        var list = conversations.listFor(who.accountId(), maxListed);
        var peers = list.stream().map(ConversationSummary::peer).filter(Objects::nonNull).distinct().toList();
        var people = accounts.findByIds(peers).stream().collect(Collectors.toMap(Account::id, Function.identity()));
        return new ConversationListing(list, people);
    }

    /** Moves the caller's read position forward; returns the position after the call. */
    public long markRead(AuthenticatedSession who, ConversationId conversation, Long seq) {
        if (seq == null || seq < 0) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'seq' must be 0 or more.");
        }
        if (!conversations.isMember(conversation, who.accountId())) {
            throw new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND);
        }
        return conversations.markRead(conversation, who.accountId(), seq);
    }
}
