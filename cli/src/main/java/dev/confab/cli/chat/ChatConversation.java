package dev.confab.cli.chat;

import dev.confab.protocol.model.MessagePage;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.ReceiptView;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One conversation as the chat holds it: what it is, the messages loaded so far (by seq, so a message
 * seen twice is held once), whether older ones remain on the server, the unread count, and every
 * member's receipt. Only touched under the {@link ChatState} lock.
 */
final class ChatConversation {
    final long id;
    final String kind;
    String title;
    String peer;
    long peerId;
    long lastSeq;
    long readSeq;
    long unread;
    /** The lowest seq the user may read (history before joining and retention hide the rest); 0 until loaded. */
    long firstSeq;
    java.time.Instant updatedAt = java.time.Instant.EPOCH;
    boolean loaded;
    boolean loadingOlder;
    final NavigableMap<Long, MessageView> messages = new TreeMap<>();
    final Map<Long, ReceiptView> receipts = new HashMap<>();

    ChatConversation(long id, String kind) {
        this.id = id;
        this.kind = kind;
    }

    boolean direct() {
        return "DIRECT".equals(kind);
    }

    /** How the conversation is named in lists and commands: {@code @peer}, {@code #title} or the group's title. */
    String label() {
        if (direct()) {
            return "@" + (peer == null ? "#" + peerId : peer);
        }
        return "ROOM".equals(kind) ? "#" + title : title;
    }

    /** Adds a page of history; answers whether anything was new. */
    boolean addPage(MessagePage page) {
        firstSeq = Math.max(firstSeq, page.firstSeq());
        loaded = true;
        boolean added = false;
        for (MessageView m : page.messages()) {
            added |= messages.putIfAbsent(m.seq(), m) == null;
        }
        return added;
    }

    /** Whether older messages than those held may be loaded from the server. */
    boolean hasOlder() {
        if (!loaded) {
            return false;
        }
        long lowest = messages.isEmpty() ? lastSeq + 1 : messages.firstKey();
        return lowest > Math.max(1, firstSeq);
    }

    /** The seq below which to ask for older messages. */
    long olderThan() {
        return messages.isEmpty() ? lastSeq + 1 : messages.firstKey();
    }

    /**
     * How far the user's own message {@code seq} got among the other members: how many read it, and how
     * many have it (read or confirmed received). A member's delivered position counts as at least their
     * read position (reading implies delivery; the server may show a read position ahead).
     */
    record Reach(int read, int delivered) {
    }

    Reach reach(long seq, long me) {
        int read = 0;
        int delivered = 0;
        for (ReceiptView r : receipts.values()) {
            if (r.userId() == me) {
                continue;
            }
            if (r.readSeq() >= seq) {
                read++;
            }
            if (Math.max(r.readSeq(), r.deliveredSeq()) >= seq) {
                delivered++;
            }
        }
        return new Reach(read, delivered);
    }

    /** The status of the user's own stored message {@code seq}: read or delivered once any other member did. */
    MessageStatus status(long seq, long me) {
        Reach reach = reach(seq, me);
        return reach.read() > 0 ? MessageStatus.READ : reach.delivered() > 0 ? MessageStatus.DELIVERED : MessageStatus.SENT;
    }
}
