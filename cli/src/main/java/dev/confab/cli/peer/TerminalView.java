package dev.confab.cli.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp;
import org.jline.utils.NonBlockingReader;

/**
 * The full-screen terminal view: panes redrawn in place (JLine's {@link Display} rewrites only the
 * lines that changed), a one-line editor at the bottom. Runs on the alternate screen; on close the
 * chat transcript is printed to the normal screen so it is not lost.
 */
final class TerminalView implements PeerView {
    private static final int CTRL_C = 3;
    private static final int CTRL_D = 4;
    private static final int BACKSPACE = 8;
    private static final int ESCAPE = 27;
    private static final int DELETE = 127;

    private final Terminal terminal;
    private final Attributes original;
    private final Display display;
    private final ChatScreen screen;
    private boolean closed;
    private volatile Runnable onInterrupt = () -> System.exit(130);

    private TerminalView(Terminal terminal, String name) {
        this.terminal = terminal;
        this.screen = new ChatScreen(name.isBlank() ? "no name" : name);
        this.original = terminal.enterRawMode();
        terminal.puts(InfoCmp.Capability.enter_ca_mode);
        this.display = new Display(terminal, true);
        terminal.handle(Terminal.Signal.WINCH, s -> redraw());
        terminal.handle(Terminal.Signal.INT, s -> onInterrupt.run());
        redraw();
    }

    /** Opens the view on the process's terminal; fails with a hint when there is none (a pipe). */
    static PeerView open(String name) throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
        if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
            terminal.close();
            throw new IOException("no interactive terminal here (input or output is a pipe?); use --plain");
        }
        return new TerminalView(terminal, name);
    }

    @Override
    public synchronized void chat(ChatEntry entry) {
        screen.chat(entry);
        redraw();
    }

    @Override
    public synchronized void network(NetworkEvent event) {
        screen.network(event);
        redraw();
    }

    @Override
    public synchronized void application(String text) {
        screen.application(text);
        redraw();
    }

    @Override
    public void onInterrupt(Runnable action) {
        onInterrupt = action;
    }

    @Override
    public byte[] readLine() throws IOException {
        NonBlockingReader reader = terminal.reader();
        while (true) {
            int c = reader.read();
            synchronized (this) {
                if (c < 0 || (c == CTRL_D && screen.input().isEmpty())) {
                    return null;
                }
                if (c == CTRL_C) {
                    onInterrupt.run(); // raw mode may deliver Ctrl-C as a key rather than a signal
                    continue;
                }
                if (c == '\r' || c == '\n') {
                    String line = screen.input().toString();
                    screen.input().setLength(0);
                    redraw();
                    if (!line.isEmpty()) {
                        return line.getBytes(StandardCharsets.UTF_8);
                    }
                } else if (c == DELETE || c == BACKSPACE) {
                    StringBuilder in = screen.input();
                    if (!in.isEmpty()) {
                        in.setLength(in.offsetByCodePoints(in.length(), -1));
                    }
                } else if (c == ESCAPE) {
                    skipEscapeSequence(reader);
                } else if (c >= ' ') {
                    screen.input().append((char) c);
                }
                redraw();
            }
        }
    }

    /** Arrows and function keys arrive as ESC [ ... letter-or-tilde; the editor has no use for them. */
    private static void skipEscapeSequence(NonBlockingReader reader) throws IOException {
        while (reader.peek(20) >= 0) {
            int c = reader.read();
            if (Character.isLetter(c) || c == '~') {
                return;
            }
        }
    }

    private synchronized void redraw() {
        if (closed) {
            return;
        }
        Size size = terminal.getSize();
        int rows = Math.max(8, size.getRows());
        int cols = Math.max(20, size.getColumns());
        display.resize(rows, cols);
        display.update(screen.render(rows, cols), size.cursorPos(rows - 1, screen.cursorColumn(cols)));
        terminal.flush();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        terminal.puts(InfoCmp.Capability.exit_ca_mode);
        terminal.setAttributes(original);
        int cols = Math.max(20, terminal.getSize().getColumns());
        screen.transcript(cols).forEach(terminal.writer()::println);
        screen.lastConnectionEvents(2).forEach(terminal.writer()::println);
        terminal.flush();
        try {
            terminal.close();
        } catch (IOException e) {
            // closing: nothing to report
        }
    }
}
