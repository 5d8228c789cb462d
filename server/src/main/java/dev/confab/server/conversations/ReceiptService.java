package dev.confab.server.conversations;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.cluster.EventBus;
import dev.confab.server.contacts.ContactStore;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.events.UserEvent;
import dev.confab.server.messages.MessageStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivered and read positions. Moving either pushes a receipt to the other members and to the
 * member's own other devices (so unread counts agree everywhere). In a direct conversation someone
 * who blocked the other person sends them no receipts, and their positions as that person sees them
 * stop short of the first withheld message, so a block cannot be read off the ticks. Blocking.
 */
public final class ReceiptService {
    private final ConversationStore conversations;
    private final MessageStore messages;
    private final ContactStore contacts;
    private final EventBus bus;

    public ReceiptService(ConversationStore conversations, MessageStore messages, ContactStore contacts, EventBus bus) {
        this.conversations = conversations;
        this.messages = messages;
        this.contacts = contacts;
        this.bus = bus;
    }

    public ReceiptPosition read(AuthenticatedSession who, ConversationId conversation, Long seq) {
        long position = requirePosition(who, conversation, seq);
        conversations.markRead(conversation, who.accountId(), position);
        return announce(who.accountId(), conversation);
    }

    public ReceiptPosition delivered(AuthenticatedSession who, ConversationId conversation, Long seq) {
        long position = requirePosition(who, conversation, seq);
        conversations.markDelivered(conversation, who.accountId(), position);
        return announce(who.accountId(), conversation);
    }

    /** Every member's positions, as the caller may see them. */
    public List<ReceiptPosition> positions(AuthenticatedSession who, ConversationId conversation) {
        if (!conversations.isMember(conversation, who.accountId())) {
            throw new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND);
        }
        return conversations.positions(conversation).stream().map(p -> asSeenBy(who.accountId(), conversation, p)).toList();
    }

    private ReceiptPosition announce(AccountId me, ConversationId conversation) {
        List<ReceiptPosition> all = conversations.positions(conversation);
        ReceiptPosition mine = all.stream().filter(p -> p.account().equals(me)).findFirst()
                .orElseThrow(() -> new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND));
        List<AccountId> audience = new ArrayList<>();
        for (ReceiptPosition p : all) {
            if (p.account().equals(me) || !contacts.isBlocked(me, p.account())) {
                audience.add(p.account());
            }
        }
        bus.publish(audience, new UserEvent.ReceiptMoved(conversation, mine));
        return mine;
    }

    private ReceiptPosition asSeenBy(AccountId viewer, ConversationId conversation, ReceiptPosition p) {
        if (p.account().equals(viewer) || !contacts.isBlocked(p.account(), viewer)) {
            return p;
        }
        long cap = messages.firstWithheldSeq(conversation, viewer) - 1;
        return new ReceiptPosition(p.account(), Math.min(p.deliveredSeq(), cap), Math.min(p.readSeq(), cap));
    }

    private long requirePosition(AuthenticatedSession who, ConversationId conversation, Long seq) {
        if (seq == null || seq < 0) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'seq' must be 0 or more.");
        }
        if (!conversations.isMember(conversation, who.accountId())) {
            throw new ConfabException(ErrorCode.CONVERSATION_NOT_FOUND);
        }
        return seq;
    }
}
