package dev.confab.server.conversations;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.cluster.EventBus;
import dev.confab.server.contacts.ContactStore;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.events.UserEvent;
import dev.confab.server.limits.RateLimiter;
import java.time.Duration;
import java.util.List;

/**
 * Typing indicators: pushed to the other members' connections, never stored, shown for a fixed time
 * unless repeated. Notices from one session in one conversation closer together than the limiter allows
 * are coalesced (dropped: the previous one is still showing). Not sent between people where one
 * blocked the other. Blocking (membership lookup).
 */
public final class TypingService {
    private final MemberCache members;
    private final ContactStore contacts;
    private final EventBus bus;
    private final RateLimiter notices;
    private final Duration showFor;

    public TypingService(MemberCache members, ContactStore contacts, EventBus bus, RateLimiter notices,
                         Duration showFor) {
        this.members = members;
        this.contacts = contacts;
        this.bus = bus;
        this.notices = notices;
        this.showFor = showFor;
    }

    /** Returns whether the notice went out (false when it was coalesced with a recent one). */
    public boolean typing(AuthenticatedSession who, ConversationId conversation) {
        if (conversation == null) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'conversationId' is required.");
        }
        List<AccountId> members = this.members.members(conversation);
        if (!members.contains(who.accountId())) {
            throw new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND);
        }
        if (!notices.tryAcquire("typing:" + who.sessionId() + ":" + conversation)) {
            return false;
        }
        List<AccountId> audience = members.stream().filter(m -> !m.equals(who.accountId()))
                .filter(m -> !contacts.isBlocked(m, who.accountId()) && !contacts.isBlocked(who.accountId(), m))
                .toList();
        bus.publish(audience, new UserEvent.TypingStarted(conversation, who.accountId(), showFor.toMillis()));
        return true;
    }
}
