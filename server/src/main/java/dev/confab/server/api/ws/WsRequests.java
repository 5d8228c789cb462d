package dev.confab.server.api.ws;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.api.EventData;
import dev.confab.server.api.Views;
import dev.confab.server.conversations.ReceiptService;
import dev.confab.server.conversations.TypingService;
import dev.confab.server.events.EventService;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.conversations.ConversationService;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.messages.MessageService;
import dev.confab.server.messages.SendCommand;
import dev.confab.server.presence.PresenceService;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Answers one client frame by calling the same services the HTTP routes call. Blocking; runs on a
 * virtual thread. Throws {@link ConfabException} for expected failures.
 */
public final class WsRequests {
    private final MessageService messages;
    private final ConversationService conversations;
    private final PresenceService presence;
    private final EventService events;
    private final ReceiptService receipts;
    private final TypingService typing;
    private final EventData eventData;
    private final int maxPresenceQuery;
    private final Clock clock;

    public WsRequests(MessageService messages, ConversationService conversations, PresenceService presence,
                      EventService events, EventData eventData, ReceiptService receipts, TypingService typing,
                      int maxPresenceQuery, Clock clock) {
        this.receipts = receipts;
        this.typing = typing;
        this.events = events;
        this.eventData = eventData;
        this.messages = messages;
        this.conversations = conversations;
        this.presence = presence;
        this.maxPresenceQuery = maxPresenceQuery;
        this.clock = clock;
    }

    /** Answers {@code frame} from {@code who}; {@code origin} is the connection it came over. */
    ServerFrame answer(AuthenticatedSession who, ClientFrame frame, Object origin) {
        return switch (frame) {
            case ClientFrame.Send s -> new ServerFrame.Ack(s.id(), Views.ack(messages.send(who,
                    new SendCommand(s.clientMessageId(), conversation(s.conversationId(), true), s.to(),
                            s.contentType(), s.body()), origin)));
            case ClientFrame.Sync s -> {
                ConversationId c = conversation(s.conversationId(), false);
                long after = s.afterSeq() == null ? 0 : s.afterSeq();
                yield new ServerFrame.Messages(s.id(), Views.pageAfter(c, messages.after(who, c, after, s.limit())));
            }
            case ClientFrame.History h -> {
                ConversationId c = conversation(h.conversationId(), false);
                yield new ServerFrame.Messages(h.id(), Views.pageBefore(c, messages.before(who, c, h.beforeSeq(), h.limit())));
            }
            case ClientFrame.Conversations c -> {
                var page = conversations.list(who, c.before(), c.limit());
                yield new ServerFrame.Conversations(c.id(), Views.conversations(page), page.next() != null,
                        page.next() == null ? null : page.next().cursor());
            }
            case ClientFrame.Read r -> {
                receipts.read(who, conversation(r.conversationId(), false), r.seq());
                yield new ServerFrame.Ok(r.id());
            }
            case ClientFrame.Received r -> {
                receipts.delivered(who, conversation(r.conversationId(), false), r.seq());
                yield new ServerFrame.Ok(r.id());
            }
            case ClientFrame.Typing t -> {
                typing.typing(who, conversation(t.conversationId(), false));
                yield new ServerFrame.Ok(t.id());
            }
            case ClientFrame.PresenceQuery q -> new ServerFrame.PresenceResult(q.id(),
                    presence.query(who.accountId(), presenceIds(q.userIds())).stream().map(Views::presence).toList());
            case ClientFrame.Events e -> new ServerFrame.Events(e.id(),
                    eventData.page(events.after(who, e.afterSeq(), e.limit())));
            case ClientFrame.Ping p -> new ServerFrame.Pong(p.id(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        };
    }

    private List<AccountId> presenceIds(List<Long> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > maxPresenceQuery || ids.contains(null)) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'userIds' must list 0 to " + maxPresenceQuery + " ids.");
        }
        return ids.stream().map(AccountId::new).toList();
    }

    private static ConversationId conversation(Long id, boolean optional) {
        if (id == null) {
            if (optional) {
                return null;
            }
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'conversationId' is required.");
        }
        return new ConversationId(id);
    }
}
