package dev.confab.cli.chat;

import dev.confab.cli.client.UserNames;
import dev.confab.protocol.model.ConversationView;
import dev.confab.protocol.model.FriendView;
import dev.confab.protocol.model.MessagePage;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.ReceiptView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Everything the chat screen shows, independent of any terminal: conversations with their messages,
 * the user's sends in flight, presence, typing, the events line and the command output panel. Changed
 * by the connection's callbacks and by commands, read by the renderer; every access holds this
 * object's lock.
 */
final class ChatState {
    /** Events kept for the events line and {@code /events}. */
    static final int EVENTS_KEPT = 100;

    /** A titled block of command output shown in place of the message pane until dismissed. */
    record Panel(String title, List<String> lines) {
    }

    final long me;
    final String myName;
    final String server;
    final UserNames names;
    final Clock clock;
    final Map<Long, ChatConversation> conversations = new HashMap<>();
    final Map<String, OwnSend> sends = new LinkedHashMap<>();
    final Map<Long, Boolean> online = new HashMap<>();
    /** The user's private remarks for friends, by user id. */
    final Map<Long, String> remarks = new HashMap<>();
    final Map<Long, Map<Long, Instant>> typing = new HashMap<>();
    final Deque<String> events = new ArrayDeque<>();
    final TreeSet<String> friends = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    final TreeSet<String> rooms = new TreeSet<>();
    String connection = "";
    Long selected;
    /** The user a first direct message goes to while no conversation with them exists yet. */
    String draftPeer;
    Panel panel;
    /** Message lines scrolled up from the bottom of the pane. */
    int scroll;

    ChatState(long me, String myName, String server, UserNames names, Clock clock) {
        this.me = me;
        this.myName = myName;
        this.server = server;
        this.names = names;
        this.clock = clock;
    }

    /** Adds or updates a conversation from the list; answers whether the chat did not hold it before. */
    synchronized boolean merge(ConversationView view) {
        boolean isNew = !conversations.containsKey(view.id());
        ChatConversation c = conversations.computeIfAbsent(view.id(), id -> new ChatConversation(id, view.kind()));
        c.title = view.title();
        if (view.peer() != null) {
            names.learn(view.peer());
            c.peer = view.peer().username();
            c.peerId = view.peer().id();
        }
        c.lastSeq = Math.max(c.lastSeq, view.lastSeq());
        c.readSeq = Math.max(c.readSeq, view.readSeq());
        c.unread = Objects.equals(selected, c.id) ? 0 : view.unread();
        if (view.updatedAt() != null && view.updatedAt().isAfter(c.updatedAt)) {
            c.updatedAt = view.updatedAt();
        }
        if (draftPeer != null && c.direct() && draftPeer.equalsIgnoreCase(c.peer)) {
            draftPeer = null;
            selected = c.id;
        }
        return isNew;
    }

    /** The user's friends as the server lists them now: their names (for completion) and remarks. */
    synchronized void setFriends(List<FriendView> list) {
        friends.clear();
        remarks.clear();
        for (FriendView f : list) {
            names.learn(f.user());
            friends.add(f.user().username());
            if (f.remark() != null && !f.remark().isBlank()) {
                remarks.put(f.user().id(), f.remark());
            }
        }
    }

    /** How the conversation is shown: its {@link ChatConversation#label()}, with the remark for a direct peer. */
    synchronized String shownLabel(ChatConversation c) {
        String remark = c.direct() ? remarks.get(c.peerId) : null;
        return remark == null ? c.label() : c.label() + " (" + remark + ")";
    }

    /** Conversations most recently active first. */
    synchronized List<ChatConversation> ordered() {
        List<ChatConversation> list = new ArrayList<>(conversations.values());
        list.sort(Comparator.comparing((ChatConversation c) -> c.updatedAt).reversed()
                .thenComparing(c -> -c.id));
        return list;
    }

    synchronized ChatConversation current() {
        return selected == null ? null : conversations.get(selected);
    }

    /** A stored message arrived (live, from a catch-up, or as the stored copy of an own send). Answers its conversation, or null when unknown. */
    synchronized ChatConversation message(MessageView m) {
        ChatConversation c = conversations.get(m.conversationId());
        if (c == null) {
            return null;
        }
        boolean isNew = c.messages.putIfAbsent(m.seq(), m) == null;
        boolean beyondList = m.seq() > c.lastSeq; // the conversation list counted those up to lastSeq already
        c.lastSeq = Math.max(c.lastSeq, m.seq());
        if (m.sentAt().isAfter(c.updatedAt)) {
            c.updatedAt = m.sentAt();
        }
        if (m.senderId() == me) {
            sends.remove(m.clientMessageId());
            c.readSeq = Math.max(c.readSeq, m.seq());
        } else if (isNew && beyondList && m.seq() > c.readSeq && !Objects.equals(selected, c.id)
                && !"application/vnd.confab.withheld".equals(m.contentType())) {
            c.unread++;
        }
        Map<Long, Instant> typists = typing.get(c.id);
        if (typists != null) {
            typists.remove(m.senderId());
        }
        return c;
    }

    synchronized void page(long conversationId, MessagePage page) {
        ChatConversation c = conversations.get(conversationId);
        if (c != null) {
            c.addPage(page);
            c.loadingOlder = false;
        }
    }

    synchronized void receipt(ReceiptView r) {
        ChatConversation c = conversations.get(r.conversationId());
        if (c == null) {
            return;
        }
        ReceiptView old = c.receipts.get(r.userId());
        if (old == null || old.readSeq() <= r.readSeq() || old.deliveredSeq() <= r.deliveredSeq()) {
            c.receipts.put(r.userId(), old == null ? r : new ReceiptView(r.conversationId(), r.userId(),
                    Math.max(old.deliveredSeq(), r.deliveredSeq()), Math.max(old.readSeq(), r.readSeq())));
        }
        if (r.userId() == me) {
            c.readSeq = Math.max(c.readSeq, r.readSeq());
            if (c.readSeq >= c.lastSeq) {
                c.unread = 0;
            }
        }
    }

    synchronized void typing(long conversationId, long userId, long expiresInMillis) {
        typing.computeIfAbsent(conversationId, id -> new HashMap<>())
                .put(userId, clock.instant().plusMillis(expiresInMillis));
    }

    /** Who is typing in the conversation now. */
    synchronized List<Long> typists(long conversationId) {
        Map<Long, Instant> typists = typing.getOrDefault(conversationId, Map.of());
        Instant now = clock.instant();
        typists.values().removeIf(until -> !until.isAfter(now));
        return List.copyOf(typists.keySet());
    }

    synchronized void event(String line) {
        events.addLast(line);
        while (events.size() > EVENTS_KEPT) {
            events.removeFirst();
        }
    }

    synchronized void select(long conversationId) {
        selected = conversationId;
        draftPeer = null;
        panel = null;
        scroll = 0;
        ChatConversation c = conversations.get(conversationId);
        if (c != null) {
            c.unread = 0;
        }
    }

    synchronized void send(OwnSend send) {
        sends.put(send.clientMessageId(), send);
    }

    synchronized void sendFailed(String clientMessageId, String reason) {
        sends.computeIfPresent(clientMessageId, (id, s) -> s.failedWith(reason));
    }

    /** The user's sends not stored yet that belong to the selected conversation (or draft). */
    synchronized List<OwnSend> visibleSends() {
        List<OwnSend> list = new ArrayList<>();
        for (OwnSend s : sends.values()) {
            boolean here = s.conversationId() != null ? s.conversationId().equals(selected)
                    : selected == null && draftPeer != null && draftPeer.equalsIgnoreCase(s.toUser());
            if (here) {
                list.add(s);
            }
        }
        return list;
    }

    /** An own send was acknowledged: the first message to a user tells which conversation it made. */
    synchronized void acked(String clientMessageId, long conversationId) {
        OwnSend s = sends.get(clientMessageId);
        if (s != null && s.conversationId() == null) {
            sends.put(clientMessageId, new OwnSend(s.clientMessageId(), conversationId, null, s.body(), s.at(), null));
        }
    }
}
