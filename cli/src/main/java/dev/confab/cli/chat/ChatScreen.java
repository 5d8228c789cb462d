package dev.confab.cli.chat;

import java.io.IOError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * The full-screen terminal side of the chat: raw keyboard input decoded into keys, and every change
 * drawn through one {@link Display} under one lock, so a message arriving while the user types is
 * drawn into its pane and never into the input line. Redraws the whole layout on a window-size change.
 */
final class ChatScreen {
    /** How often a typing notice is repeated while the user keeps typing (the server's typing.min-interval). */
    static final Duration TYPING_REPEAT = Duration.ofSeconds(2);
    /** How long the keyboard loop waits for a key before checking whether to quit. */
    static final long QUIT_CHECK_MILLIS = 200;

    enum Key { INSERT, ENTER, BACKSPACE, DELETE, LEFT, RIGHT, HOME, END, UP, DOWN, PAGE_UP, PAGE_DOWN, TAB,
        NEXT_CONVERSATION, PREVIOUS_CONVERSATION, ESCAPE, INTERRUPT, EOF_KEY, REDRAW, DELETE_WORD, CLEAR_LINE, IGNORE }

    private final Terminal terminal;
    private final ChatState state;
    private final ChatSession session;
    private final ChatActions actions;
    private final ChatRenderer renderer;
    private final InputLine input = new InputLine();
    private Display display;
    private Size size;
    private boolean wantOlder;
    private Instant lastTyping = Instant.EPOCH;

    ChatScreen(Terminal terminal, ChatSession session, ChatActions actions, ChatRenderer renderer) {
        this.terminal = terminal;
        this.state = session.state;
        this.session = session;
        this.actions = actions;
        this.renderer = renderer;
    }

    /** Runs until /quit, /logout, Ctrl-C, Ctrl-D on an empty line, or the end of input. */
    void run() {
        Attributes saved = terminal.enterRawMode();
        Attributes raw = terminal.getAttributes();
        raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
        raw.setInputFlag(Attributes.InputFlag.ICRNL, false);
        terminal.setAttributes(raw);
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        try {
            synchronized (this) {
                display = new Display(terminal, true);
                size = terminal.getSize();
                display.resize(size.getRows(), size.getColumns());
            }
            terminal.handle(Terminal.Signal.WINCH, signal -> resize());
            session.onRedraw(this::redraw);
            redraw();
            BindingReader reader = new BindingReader(terminal.reader());
            KeyMap<Key> keys = ChatKeys.of(terminal);
            while (!actions.quit()) {
                if (terminal.reader().peek(QUIT_CHECK_MILLIS) == NonBlockingReader.READ_EXPIRED) {
                    continue; // nothing typed: look again whether a command (such as /logout) asked to quit
                }
                Key key = reader.readBinding(keys, null, true);
                if (key == null) {
                    break;
                }
                if (!handle(key, reader.getLastBinding())) {
                    break;
                }
            }
        } catch (IOError | java.io.IOException e) {
            // the terminal went away: nothing left to draw on
        } finally {
            session.onRedraw(() -> { });
            terminal.puts(Capability.keypad_local);
            terminal.puts(Capability.exit_ca_mode);
            terminal.setAttributes(saved);
            terminal.flush();
        }
    }

    /** Handles one key; answers false to stop. */
    private synchronized boolean handle(Key key, String typed) {
        switch (key) {
            case INSERT -> {
                input.insert(typed);
                typing();
            }
            case ENTER -> enter();
            case BACKSPACE -> input.backspace();
            case DELETE -> input.delete();
            case LEFT -> input.left();
            case RIGHT -> input.right();
            case HOME -> input.home();
            case END -> input.end();
            case UP -> input.previous();
            case DOWN -> input.next();
            case DELETE_WORD -> input.deleteWord();
            case CLEAR_LINE -> input.set("");
            case PAGE_UP -> {
                state.scroll += page();
                wantOlder = true;
            }
            case PAGE_DOWN -> state.scroll = Math.max(0, state.scroll - page());
            case TAB -> complete();
            case NEXT_CONVERSATION -> cycle(1);
            case PREVIOUS_CONVERSATION -> cycle(-1);
            case ESCAPE -> state.panel = null;
            case REDRAW -> display.clear();
            case INTERRUPT -> {
                return false;
            }
            case EOF_KEY -> {
                if (input.text().isEmpty()) {
                    return false;
                }
                input.delete();
            }
            case IGNORE -> {
            }
        }
        redraw();
        return !actions.quit();
    }

    private void enter() {
        String text = input.take();
        if (text.isBlank()) {
            state.panel = null;
            return;
        }
        actions.submit(text);
    }

    private void typing() {
        ChatConversation c = state.current();
        Instant now = state.clock.instant();
        if (c != null && state.panel == null && !input.text().startsWith("/")
                && Duration.between(lastTyping, now).compareTo(TYPING_REPEAT) >= 0) {
            lastTyping = now;
            session.connection().typing(c.id);
        }
    }

    private void complete() {
        String before = input.beforeCursor();
        String after = input.text().substring(before.length());
        Completion completion = Completion.of(before, Completion.wordsFor(before, state));
        input.set(completion.text(), after);
        if (!completion.candidates().isEmpty()) {
            state.event(String.join("  ", completion.candidates()));
        }
    }

    private void cycle(int step) {
        List<ChatConversation> list = state.ordered();
        if (list.isEmpty()) {
            return;
        }
        int index = -1;
        for (int i = 0; i < list.size(); i++) {
            if (state.selected != null && list.get(i).id == state.selected) {
                index = i;
            }
        }
        int next = index < 0 ? 0 : Math.floorMod(index + step, list.size());
        session.open(list.get(next).id);
    }

    private int page() {
        return Math.max(1, size.getRows() - 6);
    }

    private void resize() {
        synchronized (this) {
            size = terminal.getSize();
            display.resize(size.getRows(), size.getColumns());
            display.clear();
        }
        redraw();
    }

    /** Draws the current state; safe from any thread. */
    synchronized void redraw() {
        if (display == null) {
            return;
        }
        ChatRenderer.Frame frame = renderer.render(state, input, size.getColumns(), size.getRows());
        display.update(frame.rows(), size.cursorPos(frame.cursorRow(), frame.cursorColumn()));
        terminal.flush();
        if (wantOlder && frame.atTop()) {
            session.loadOlder();
        }
        wantOlder = false;
    }
}
