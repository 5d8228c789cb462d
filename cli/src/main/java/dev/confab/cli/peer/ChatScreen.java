package dev.confab.cli.peer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * What the terminal view shows, laid out for a given size, with no terminal I/O (so it is testable):
 * a title line, the chat pane (time, sender, text, status with round trip), the network pane, the
 * application pane and the input line at the bottom. Each pane keeps its most recent lines. Not
 * thread-safe; the view guards it.
 */
final class ChatScreen {
    /** Lines kept per pane; older ones scroll away. */
    static final int KEPT_CHAT = 500;
    static final int KEPT_EVENTS = 200;
    /** Width of the status column ("ACKED 100.2 ms"); longer FAILED reasons run to the edge. */
    static final int STATUS_WIDTH = 15;

    private final String title;
    private final Map<UUID, ChatEntry> chat = new LinkedHashMap<>();
    private final Deque<String> network = new ArrayDeque<>();
    private final Deque<String> application = new ArrayDeque<>();
    private final StringBuilder input = new StringBuilder();
    /** Connection events (listening, connected, disconnected, refused): the latest one is the title's state. */
    private final Deque<String> connection = new ArrayDeque<>();

    ChatScreen(String title) {
        this.title = title;
    }

    void chat(ChatEntry e) {
        chat.put(e.id(), e);
        if (chat.size() > KEPT_CHAT) {
            chat.remove(chat.keySet().iterator().next());
        }
    }

    void network(NetworkEvent e) {
        String line = ChatText.TIME.format(java.time.Instant.now()) + " " + e.kind().name().toLowerCase(java.util.Locale.ROOT) + "  " + e.text();
        keep(network, line);
        switch (e.kind()) {
            case LISTENING, CONNECTED, DISCONNECTED, REFUSED -> keep(connection, line);
            default -> {
            }
        }
    }

    /** The most recent connection events, to leave on the normal screen once the view closes. */
    List<String> lastConnectionEvents(int n) {
        return new ArrayList<>(connection).subList(Math.max(0, connection.size() - n), connection.size());
    }

    void application(String text) {
        keep(application, ChatText.TIME.format(java.time.Instant.now()) + " " + text);
    }

    StringBuilder input() {
        return input;
    }

    /** The whole screen, one string per row, for {@code rows} × {@code cols}. */
    List<AttributedString> render(int rows, int cols) {
        int panes = Math.max(3, rows - 6);
        int eventRows = Math.max(1, panes / 5);
        int chatRows = Math.max(1, panes - 2 * eventRows);
        List<AttributedString> lines = new ArrayList<>(rows);
        lines.add(bar(" Confab peer · " + title + " · Enter sends, Ctrl-D closes, Ctrl-C quits", cols));
        lines.add(new AttributedString(connection.isEmpty() ? "" : connection.getLast().substring(9),
                AttributedStyle.BOLD).columnSubSequence(0, cols));
        lines.addAll(last(chat.values().stream().map(e -> chatLine(e, cols)).toList(), chatRows));
        lines.add(bar(" network", cols));
        lines.addAll(last(network.stream().map(s -> plain(s, cols)).toList(), eventRows));
        lines.add(bar(" application", cols));
        lines.addAll(last(application.stream().map(s -> plain(s, cols)).toList(), eventRows));
        lines.add(bar("", cols));
        lines.add(plain("> " + input, cols));
        return lines.subList(Math.max(0, lines.size() - rows), lines.size());
    }

    /** Column of the cursor on the input line. */
    int cursorColumn(int cols) {
        return Math.min(cols - 1, 2 + input.codePointCount(0, input.length()));
    }

    /** The chat as plain lines, to leave on the normal screen once the view closes. */
    List<String> transcript(int cols) {
        return chat.values().stream().map(e -> chatLine(e, cols).toString()).toList();
    }

    private AttributedString chatLine(ChatEntry e, int cols) {
        String status = ChatText.status(e);
        String head = ChatText.TIME.format(e.time()) + " " + pad(e.sender(), 10) + " ";
        int room = Math.max(4, cols - head.length() - STATUS_WIDTH - 2);
        String text = pad(ChatText.payload(e.payload(), room), room);
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append(head, AttributedStyle.DEFAULT.foreground(e.mine() ? AttributedStyle.BLUE : AttributedStyle.MAGENTA));
        b.append(text).append("  ");
        b.append(status, AttributedStyle.DEFAULT.foreground(switch (e.status()) {
            case ACKED -> AttributedStyle.GREEN;
            case FAILED -> AttributedStyle.RED;
            case RECEIVED -> AttributedStyle.CYAN;
            default -> AttributedStyle.YELLOW;
        }));
        return b.toAttributedString().columnSubSequence(0, cols);
    }

    private static List<AttributedString> last(List<AttributedString> all, int rows) {
        List<AttributedString> shown = new ArrayList<>(all.subList(Math.max(0, all.size() - rows), all.size()));
        while (shown.size() < rows) {
            shown.add(AttributedString.EMPTY);
        }
        return shown;
    }

    private static AttributedString bar(String text, int cols) {
        return new AttributedString(pad(text, cols), AttributedStyle.INVERSE).columnSubSequence(0, cols);
    }

    private static AttributedString plain(String text, int cols) {
        return new AttributedString(text).columnSubSequence(0, cols);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static void keep(Deque<String> pane, String line) {
        pane.addLast(line);
        if (pane.size() > KEPT_EVENTS) {
            pane.removeFirst();
        }
    }
}
