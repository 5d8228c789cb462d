package dev.confab.server.messages;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AccountStore;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.cluster.EventBus;
import dev.confab.server.contacts.ContactStore;
import dev.confab.server.contacts.DirectMessagePolicy;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.conversations.ConversationDetails;
import dev.confab.server.conversations.ConversationKind;
import dev.confab.server.conversations.MemberCache;
import dev.confab.server.conversations.Membership;
import dev.confab.server.conversations.MembershipStore;
import dev.confab.server.conversations.ConversationStore;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.events.UserEvent;
import dev.confab.server.limits.RateLimiter;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sending and reading messages. {@link #send} returns only after the message is committed, then
 * pushes it to every member's live connections except the one it came over (the sender's other
 * connections included). Everything that can fail is looked up before the commit, so a failure never
 * follows a stored message. Blocking.
 */
public final class MessageService {
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CONTENT_TYPE =
            Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");
    static final String DEFAULT_CONTENT_TYPE = "text/plain";

    private final MessageStore messages;
    private final ConversationStore conversations;
    private final AccountStore accounts;
    private final EventBus bus;
    private final RateLimiter sendRate;
    private final MessageLimits limits;
    private final ContactStore contacts;
    private final MembershipStore memberships;
    private final MemberCache memberCache;
    private final boolean readableAfterDisband;
    private final DirectMessagePolicy policy;
    private final Clock clock;

    public MessageService(MessageStore messages, ConversationStore conversations, AccountStore accounts, EventBus bus,
                          RateLimiter sendRate, MessageLimits limits, ContactStore contacts, MembershipStore memberships,
                          MemberCache memberCache, DirectMessagePolicy policy, boolean readableAfterDisband,
                          Clock clock) {
        this.memberCache = memberCache;
        this.readableAfterDisband = readableAfterDisband;
        this.memberships = memberships;
        this.contacts = contacts;
        this.policy = policy;
        this.messages = messages;
        this.conversations = conversations;
        this.accounts = accounts;
        this.bus = bus;
        this.sendRate = sendRate;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Stores the message (or finds the one stored by an earlier send with the same client message id
     * from the same device) and returns it. Validation happens before anything is written. A client
     * message id this device already used in another conversation is refused, not answered with the
     * other message's ack.
     */
    public Message send(AuthenticatedSession who, SendCommand command) {
        return send(who, command, null);
    }

    /**
     * As {@link #send(AuthenticatedSession, SendCommand)}; {@code origin} names the live connection the
     * send came over (it has the ack, so the push skips it), or null.
     */
    public Message send(AuthenticatedSession who, SendCommand command, Object origin) {
        validate(command);
        if (!sendRate.tryAcquire("send:" + who.sessionId().value())) {
            throw new ConfabException(ErrorCode.RATE_LIMITED, "Sending too fast; slow down and retry.");
        }
        var earlier = messages.findSent(who.accountId(), who.deviceId(), command.clientMessageId());
        if (earlier.isPresent()) {
            return sameConversationOrRefuse(earlier.get(), who, command);
        }
        Target target = resolveTarget(who, command);
        boolean withheld = target.peer() != null && contacts.isBlocked(target.peer(), who.accountId());
        ConversationId conversation = target.conversation() != null ? target.conversation()
                : conversations.findOrCreateDirect(who.accountId(), target.peer());
        String contentType = command.contentType() == null ? DEFAULT_CONTENT_TYPE : command.contentType();
        var recipients = withheld ? List.of(who.accountId()) : memberCache.members(conversation);
        AppendResult result = messages.append(new NewMessage(conversation, who.accountId(), who.deviceId(),
                command.clientMessageId(), contentType, command.body(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                withheld));
        if (result.duplicate() && !result.message().conversationId().equals(conversation)) {
            throw new ConfabException(ErrorCode.MESSAGE_CLIENT_ID_REUSED);
        }
        if (!result.duplicate()) {
            bus.publish(recipients, new UserEvent.MessagePosted(result.message(), origin));
        }
        return result.message();
    }

    /** Messages after {@code afterSeq} (and not below the caller's first readable seq), ascending, at most a page. */
    public HistoryPage after(AuthenticatedSession who, ConversationId conversation, long afterSeq, Integer limit) {
        long firstSeq = firstReadableSeq(who.accountId(), conversation);
        if (afterSeq < 0) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "The sync position ('after' / 'afterSeq') must be 0 or more.");
        }
        MessageSlice slice = messages.after(conversation, Math.max(afterSeq, firstSeq - 1), pageSize(limit));
        return new HistoryPage(visibleTo(who, slice.messages()), slice.hasMore(), firstSeq);
    }

    /** Messages before {@code beforeSeq} (the newest when null), not below the caller's first readable seq, ascending. */
    public HistoryPage before(AuthenticatedSession who, ConversationId conversation, Long beforeSeq, Integer limit) {
        long firstSeq = firstReadableSeq(who.accountId(), conversation);
        if (beforeSeq != null && beforeSeq < 1) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "The history position ('before' / 'beforeSeq') must be 1 or more.");
        }
        MessageSlice slice = messages.before(conversation, beforeSeq == null ? Long.MAX_VALUE : beforeSeq, pageSize(limit));
        List<Message> readable = slice.messages().stream().filter(m -> m.seq() >= firstSeq).toList();
        boolean more = slice.hasMore() && readable.size() == slice.messages().size() && !readable.isEmpty()
                && readable.getFirst().seq() > firstSeq;
        return new HistoryPage(visibleTo(who, readable), more, firstSeq);
    }

    /**
     * The lowest seq the account may read: from joining (per the history setting) and above what
     * retention removed. After a disband the history stays readable unless the server is configured to
     * close it ({@code conversations.readable-after-disband}).
     */
    private long firstReadableSeq(AccountId account, ConversationId conversation) {
        Membership membership = memberships.membership(conversation, account)
                .orElseThrow(() -> new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND));
        var details = memberships.details(conversation);
        if (!readableAfterDisband && details.map(ConversationDetails::disbanded).orElse(false)) {
            throw new ConfabException(ErrorCode.CONVERSATION_DISBANDED);
        }
        long minSeq = details.map(ConversationDetails::minSeq).orElse(1L);
        return Math.max(membership.visibleFromSeq(), minSeq);
    }

    public MessageLimits limits() {
        return limits;
    }

    private void validate(SendCommand command) {
        if (command.clientMessageId() == null || !CLIENT_ID.matcher(command.clientMessageId()).matches()) {
            throw new ConfabException(ErrorCode.MESSAGE_INVALID_CLIENT_ID);
        }
        if ((command.conversationId() == null) == (command.toUsername() == null)) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "Give exactly one of 'conversationId' and 'to'.");
        }
        if (command.contentType() != null && !CONTENT_TYPE.matcher(command.contentType()).matches()) {
            throw new ConfabException(ErrorCode.MESSAGE_INVALID_CONTENT_TYPE);
        }
        String body = command.body();
        if (body == null || body.isEmpty()) {
            throw new ConfabException(ErrorCode.MESSAGE_EMPTY);
        }
        if (body.length() > limits.maxBodyChars() && body.codePointCount(0, body.length()) > limits.maxBodyChars()) {
            throw new ConfabException(ErrorCode.MESSAGE_TOO_LONG,
                    "Message bodies are at most " + limits.maxBodyChars() + " characters.");
        }
    }

    /**
     * A resend of a stored message gets the original back, whatever changed since (friendship ended,
     * sender left the group), as long as it addresses the same conversation.
     */
    private Message sameConversationOrRefuse(Message stored, AuthenticatedSession who, SendCommand command) {
        boolean same = command.conversationId() != null
                ? command.conversationId().equals(stored.conversationId())
                : accounts.findByUsername(command.toUsername()).map(peer -> conversations.members(stored.conversationId())
                        .contains(peer.id()) && conversations.kind(stored.conversationId()).orElse(null) == ConversationKind.DIRECT)
                        .orElse(false);
        if (!same) {
            throw new ConfabException(ErrorCode.MESSAGE_CLIENT_ID_REUSED);
        }
        return stored;
    }

    /** Where a send goes: an existing conversation and, for direct ones, the other person. */
    private record Target(ConversationId conversation, AccountId peer) {
    }

    /**
     * Resolves the addressee and applies the direct-message policy before anything is created, so a
     * refused send leaves no trace. The same refusal is given to strangers and to people who blocked the
     * sender, so a block cannot be told from not being friends.
     */
    private Target resolveTarget(AuthenticatedSession who, SendCommand command) {
        Target target;
        if (command.conversationId() != null) {
            // Who may send to a group or room is checked by the append, under the conversation's lock. A
            // direct conversation is checked here, before the friendship check, so that a stranger learns
            // nothing about it; its two members never change, so the member cache answers for it.
            AccountId peer = null;
            if (memberCache.kind(command.conversationId()).orElse(null) == ConversationKind.DIRECT) {
                List<AccountId> members = memberCache.members(command.conversationId());
                if (!members.contains(who.accountId())) {
                    throw new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND);
                }
                peer = members.stream().filter(m -> !m.equals(who.accountId())).findFirst().orElse(null);
            }
            target = new Target(command.conversationId(), peer);
        } else {
            AccountId peer = accounts.findByUsername(command.toUsername())
                    .orElseThrow(() -> new ConfabException(ErrorCode.USER_NOT_FOUND)).id();
            if (peer.equals(who.accountId())) {
                throw new ConfabException(ErrorCode.MESSAGE_TO_SELF);
            }
            target = new Target(null, peer);
        }
        if (target.peer() != null && policy == DirectMessagePolicy.FRIENDS_ONLY
                && !contacts.areFriends(who.accountId(), target.peer())) {
            throw new ConfabException(ErrorCode.CONTACT_NOT_FRIENDS);
        }
        return target;
    }

    private static List<Message> visibleTo(AuthenticatedSession who, List<Message> messages) {
        return messages.stream().map(m -> m.visibleTo(who.accountId())).toList();
    }

    private int pageSize(Integer requested) {
        if (requested == null) {
            return limits.defaultPageSize();
        }
        if (requested < 1) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'limit' must be 1 or more.");
        }
        return Math.min(requested, limits.maxPageSize());
    }
}
