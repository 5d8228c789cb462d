package dev.confab.server.api;

import dev.confab.protocol.model.AccountView;
import dev.confab.protocol.model.ConversationView;
import dev.confab.protocol.model.MessagePage;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.PresenceView;
import dev.confab.protocol.model.SendAck;
import dev.confab.protocol.model.SessionView;
import dev.confab.protocol.model.UserView;
import dev.confab.server.accounts.Account;
import dev.confab.server.accounts.PublicProfile;
import dev.confab.server.accounts.Session;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.conversations.ConversationListing;
import dev.confab.server.conversations.ConversationSummary;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.messages.Message;
import dev.confab.server.messages.HistoryPage;
import dev.confab.server.presence.PresenceStatus;
import java.util.List;

/** Maps domain values to the wire model; the only place that knows both. Stateless. */
public final class Views {
    private Views() {
    }

    public static MessageView message(Message m) {
        return new MessageView(m.id(), m.conversationId().value(), m.seq(), m.senderId().value(),
                m.clientMessageId(), m.contentType(), m.body(), m.sentAt());
    }

    public static SendAck ack(Message m) {
        return new SendAck(m.clientMessageId(), m.id(), m.conversationId().value(), m.seq(), m.sentAt());
    }

    /** A forward page: the cursor is the last seq returned, to pass as the next {@code after}. */
    public static MessagePage pageAfter(ConversationId conversation, HistoryPage page) {
        List<MessageView> views = page.messages().stream().map(Views::message).toList();
        Long cursor = page.hasMore() && !views.isEmpty() ? views.getLast().seq() : null;
        return new MessagePage(conversation.value(), views, page.hasMore(), cursor, page.firstSeq());
    }

    /** A backward page: the cursor is the first seq returned, to pass as the next {@code before}. */
    public static MessagePage pageBefore(ConversationId conversation, HistoryPage page) {
        List<MessageView> views = page.messages().stream().map(Views::message).toList();
        Long cursor = page.hasMore() && !views.isEmpty() ? views.getFirst().seq() : null;
        return new MessagePage(conversation.value(), views, page.hasMore(), cursor, page.firstSeq());
    }

    public static List<ConversationView> conversations(ConversationListing listing) {
        return listing.conversations().stream().map(c -> conversation(c, listing)).toList();
    }

    private static ConversationView conversation(ConversationSummary c, ConversationListing listing) {
        Account peer = c.peer() == null ? null : listing.people().get(c.peer());
        var details = listing.details().get(c.id());
        return new ConversationView(c.id().value(), c.kind().name(), peer == null ? null : user(peer),
                details == null ? null : details.settings().title(), c.lastSeq(),
                c.readSeq(), c.unread(), c.lastMessage() == null ? null : message(c.lastMessage()), c.updatedAt());
    }

    public static UserView user(Account a) {
        return user(PublicProfile.of(a));
    }

    public static UserView user(PublicProfile p) {
        return new UserView(p.id().value(), p.username(), p.displayName(), p.avatar());
    }

    public static AccountView account(Account a) {
        return new AccountView(a.id().value(), a.username(), a.displayName(), a.avatar(), a.email(), a.phone(),
                a.findableByEmail(), a.findableByPhone(), a.createdAt());
    }

    public static SessionView session(Session s, SessionId current) {
        return new SessionView(s.id().value(), s.deviceId(), s.deviceName(), s.createdAt(), s.lastUsedAt(),
                s.expiresAt(), s.id().equals(current));
    }

    public static dev.confab.protocol.model.ReceiptView receipt(ConversationId conversation,
                                                                 dev.confab.server.conversations.ReceiptPosition p) {
        return new dev.confab.protocol.model.ReceiptView(conversation.value(), p.account().value(), p.deliveredSeq(),
                p.readSeq());
    }

    public static PresenceView presence(PresenceStatus p) {
        return new PresenceView(p.account().value(), p.username(), p.online(), p.lastSeenAt());
    }

    /** A node as clients see it: its base URL and its WebSocket endpoint. */
    public static dev.confab.protocol.model.NodeView node(dev.confab.server.cluster.NodeInfo node) {
        String base = node.url().toString().replaceAll("/+$", "");
        String ws = (base.startsWith("https:") ? "wss:" + base.substring(6) : "ws:" + base.substring(base.indexOf(':') + 1))
                + "/api/v1/ws";
        return new dev.confab.protocol.model.NodeView(node.nodeId(), base, ws, node.connections());
    }
}
