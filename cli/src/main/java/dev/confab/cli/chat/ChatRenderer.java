package dev.confab.cli.chat;

import dev.confab.cli.client.MessageText;
import dev.confab.cli.client.Texts;
import dev.confab.protocol.model.MessageView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Lays the {@link ChatState} out as the rows of a screen of a given size, without touching a terminal:
 * a title row, the conversation list beside the message pane (or the command output panel), a typing
 * row, the events row and the input row. Every width is in display columns, so wide characters never
 * push a row past the edge.
 */
final class ChatRenderer {
    /** Screens narrower than this show the message pane alone, without the conversation list. */
    static final int LIST_MIN_WIDTH = 60;
    /** The widest the conversation list gets. */
    static final int LIST_MAX_WIDTH = 26;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final AttributedStyle BAR = AttributedStyle.INVERSE;
    private static final AttributedStyle DIM = AttributedStyle.DEFAULT.faint();
    private static final AttributedStyle BOLD = AttributedStyle.BOLD;

    /** What to draw and where the cursor goes; {@code atTop} says the pane shows its oldest line. */
    record Frame(List<AttributedString> rows, int cursorRow, int cursorColumn, boolean atTop) {
    }

    private final Texts texts;
    private final ZoneId zone;

    ChatRenderer(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.zone = zone;
    }

    Frame render(ChatState state, InputLine input, int width, int height) {
        synchronized (state) {
            int w = Math.max(10, width);
            int h = Math.max(5, height);
            int body = h - 4;
            int listWidth = w >= LIST_MIN_WIDTH ? Math.min(LIST_MAX_WIDTH, w / 4) : 0;
            int paneWidth = listWidth == 0 ? w : w - listWidth - 1;
            List<AttributedString> list = listWidth == 0 ? List.of() : conversationList(state, listWidth, body);
            Pane pane = pane(state, paneWidth, body);
            List<AttributedString> rows = new ArrayList<>();
            rows.add(bar(title(state), w));
            for (int i = 0; i < body; i++) {
                AttributedStringBuilder row = new AttributedStringBuilder();
                if (listWidth > 0) {
                    row.append(pad(i < list.size() ? list.get(i) : AttributedString.EMPTY, listWidth));
                    row.append("|", DIM);
                }
                row.append(i < pane.rows.size() ? pane.rows.get(i) : AttributedString.EMPTY);
                rows.add(row.toAttributedString());
            }
            rows.add(fit(new AttributedString(typingLine(state), DIM), w));
            rows.add(bar(eventsLine(state), w));
            InputLine.Row in = input.render("> ", w);
            rows.add(in.line());
            return new Frame(rows, h - 1, in.cursorColumn(), pane.atTop);
        }
    }

    private record Pane(List<AttributedString> rows, boolean atTop) {
    }

    private String title(ChatState state) {
        return " Confab · " + state.myName + " · " + state.server;
    }

    private List<AttributedString> conversationList(ChatState state, int width, int height) {
        List<AttributedString> rows = new ArrayList<>();
        rows.add(new AttributedString(texts.get("chat.conversations"), BOLD));
        for (ChatConversation c : state.ordered()) {
            boolean selected = c.id == (state.selected == null ? -1 : state.selected);
            AttributedStringBuilder b = new AttributedStringBuilder();
            b.append(selected ? ">" : " ");
            b.append(c.direct() ? (Boolean.TRUE.equals(state.online.get(c.peerId)) ? "●" : "○") : " ");
            String unread = c.unread > 0 ? " (" + c.unread + ")" : "";
            int room = width - 2 - unread.length();
            b.append(fit(new AttributedString(state.shownLabel(c)), room).toString(),
                    selected ? BOLD : AttributedStyle.DEFAULT);
            b.append(unread, BOLD);
            rows.add(b.toAttributedString());
        }
        if (state.draftPeer != null) {
            rows.add(new AttributedString(">○@" + state.draftPeer, BOLD));
        }
        return rows.subList(0, Math.min(rows.size(), height));
    }

    private Pane pane(ChatState state, int width, int height) {
        if (state.panel != null) {
            List<AttributedString> lines = new ArrayList<>();
            lines.add(new AttributedString(state.panel.title(), BOLD));
            for (String line : state.panel.lines()) {
                lines.addAll(wrap(new AttributedString(line), width));
            }
            lines.add(new AttributedString(texts.get("chat.panel_close"), DIM));
            return new Pane(lines.subList(0, Math.min(lines.size(), height)), true);
        }
        ChatConversation c = state.current();
        if (c == null && state.draftPeer == null) {
            List<AttributedString> hint = new ArrayList<>();
            for (String line : texts.get("chat.welcome").split("\\|")) {
                hint.addAll(wrap(new AttributedString(line, DIM), width));
            }
            return new Pane(hint, true);
        }
        List<AttributedString> lines = new ArrayList<>();
        if (c != null) {
            for (MessageView m : c.messages.values()) {
                if (!MessageText.isWithheld(m)) {
                    lines.addAll(wrap(messageLine(state, c, m), width));
                }
            }
        }
        for (OwnSend s : state.visibleSends()) {
            lines.addAll(wrap(sendLine(state, s), width));
        }
        int header = 1;
        int room = height - header;
        int maxScroll = Math.max(0, lines.size() - room);
        state.scroll = Math.min(state.scroll, maxScroll);
        int end = lines.size() - state.scroll;
        int start = Math.max(0, end - room);
        List<AttributedString> rows = new ArrayList<>();
        rows.add(paneHeader(state, c, width));
        rows.addAll(lines.subList(start, end));
        return new Pane(rows, start == 0);
    }

    private AttributedString paneHeader(ChatState state, ChatConversation c, int width) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        if (c == null) {
            b.append("@" + state.draftPeer, BOLD);
            var peer = state.names.byName(state.draftPeer);
            b.append("  " + texts.get(peer != null && Boolean.TRUE.equals(state.online.get(peer.id()))
                    ? "presence.word_online" : "presence.word_offline"), DIM);
        } else {
            b.append(state.shownLabel(c), BOLD);
            if (c.direct()) {
                b.append("  " + texts.get(Boolean.TRUE.equals(state.online.get(c.peerId))
                        ? "presence.word_online" : "presence.word_offline"), DIM);
            } else {
                b.append("  " + texts.get("chat.kind." + c.kind), DIM);
            }
            if (c.hasOlder()) {
                b.append("  " + texts.get("chat.older"), DIM);
            }
        }
        return fit(b.toAttributedString(), width);
    }

    private AttributedString messageLine(ChatState state, ChatConversation c, MessageView m) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append(TIME.format(m.sentAt().atZone(zone)) + " ", DIM);
        String body = new MessageText(texts, state.names::name).body(m);
        if (MessageText.isSystem(m)) {
            b.append("* " + body, DIM);
            return b.toAttributedString();
        }
        boolean mine = m.senderId() == state.me;
        b.append(state.names.name(m.senderId()) + ": ", mine ? BOLD : AttributedStyle.BOLD.foreground(AttributedStyle.CYAN));
        b.append(body.replace('\n', ' '));
        if (mine) {
            b.append(" " + ownMark(c, m.seq(), state.me), DIM);
        }
        return b.toAttributedString();
    }

    /** {@code [read]} in a direct conversation; {@code [read by N]} or {@code [delivered to N]} in a group or room. */
    String ownMark(ChatConversation c, long seq, long me) {
        if (c.direct()) {
            return mark(c.status(seq, me));
        }
        ChatConversation.Reach reach = c.reach(seq, me);
        if (reach.read() > 0) {
            return "[" + texts.get("status.read_by", reach.read()) + "]";
        }
        return reach.delivered() > 0 ? "[" + texts.get("status.delivered_to", reach.delivered()) + "]"
                : mark(MessageStatus.SENT);
    }

    private AttributedString sendLine(ChatState state, OwnSend s) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append(TIME.format(s.at().atZone(zone)) + " ", DIM);
        b.append(state.myName + ": ", BOLD);
        b.append(s.body().replace('\n', ' '));
        if (s.failed()) {
            b.append(" " + mark(MessageStatus.FAILED) + " " + s.failure(), AttributedStyle.DEFAULT.foreground(AttributedStyle.RED));
        } else {
            b.append(" " + mark(MessageStatus.SENDING), DIM);
        }
        return b.toAttributedString();
    }

    String mark(MessageStatus status) {
        return "[" + texts.get("status." + status.name().toLowerCase()) + "]";
    }

    private String typingLine(ChatState state) {
        ChatConversation c = state.current();
        if (c == null) {
            return "";
        }
        List<Long> typists = state.typists(c.id);
        if (typists.isEmpty()) {
            return "";
        }
        List<String> names = typists.stream().map(state.names::name).toList();
        return " " + texts.get(names.size() == 1 ? "typing.one" : "typing.many", String.join(", ", names));
    }

    private String eventsLine(ChatState state) {
        String last = state.events.isEmpty() ? "" : " · " + state.events.getLast();
        return " [" + state.connection + "]" + last;
    }

    private static AttributedString bar(String text, int width) {
        AttributedString fitted = fit(new AttributedString(text), width);
        AttributedStringBuilder b = new AttributedStringBuilder().append(fitted.toString(), BAR);
        b.append(" ".repeat(Math.max(0, width - fitted.columnLength())), BAR);
        return b.toAttributedString();
    }

    /** Cut to at most {@code width} columns (a wide character that would straddle the edge is left out). */
    static AttributedString fit(AttributedString text, int width) {
        if (text.columnLength() <= width) {
            return text;
        }
        return text.columnSubSequence(0, Math.max(0, width));
    }

    /** Cut or filled with spaces to exactly {@code width} columns. */
    static AttributedString pad(AttributedString text, int width) {
        AttributedString fitted = fit(text, width);
        int missing = width - fitted.columnLength();
        return missing <= 0 ? fitted
                : new AttributedStringBuilder().append(fitted).append(" ".repeat(missing)).toAttributedString();
    }

    /** Split into rows of at most {@code width} columns. */
    static List<AttributedString> wrap(AttributedString text, int width) {
        if (text.columnLength() <= width) {
            return List.of(text);
        }
        return text.columnSplitLength(Math.max(2, width));
    }
}
