package dev.confab.cli.chat;

import static org.jline.keymap.KeyMap.ctrl;
import static org.jline.keymap.KeyMap.key;

import dev.confab.cli.chat.ChatScreen.Key;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/** The chat's key bindings: the terminal's own sequences for special keys, plus the common xterm ones. */
final class ChatKeys {
    private ChatKeys() {
    }

    static KeyMap<Key> of(Terminal terminal) {
        KeyMap<Key> keys = new KeyMap<>();
        for (char c = 32; c < 127; c++) {
            keys.bind(Key.INSERT, Character.toString(c));
        }
        keys.setUnicode(Key.INSERT);
        keys.setNomatch(Key.IGNORE);
        keys.bind(Key.ENTER, "\r", "\n");
        keys.bind(Key.BACKSPACE, "\u007f", "\b");
        keys.bind(Key.TAB, "\t");
        keys.bind(Key.ESCAPE, "\u001b");
        keys.bind(Key.INTERRUPT, ctrl('C'));
        keys.bind(Key.EOF_KEY, ctrl('D'));
        keys.bind(Key.REDRAW, ctrl('L'));
        keys.bind(Key.NEXT_CONVERSATION, ctrl('N'));
        keys.bind(Key.PREVIOUS_CONVERSATION, ctrl('P'));
        keys.bind(Key.DELETE_WORD, ctrl('W'));
        keys.bind(Key.CLEAR_LINE, ctrl('U'));
        keys.bind(Key.HOME, ctrl('A'));
        keys.bind(Key.END, ctrl('E'));
        bind(keys, terminal, Key.LEFT, Capability.key_left, "\u001b[D", "\u001bOD");
        bind(keys, terminal, Key.RIGHT, Capability.key_right, "\u001b[C", "\u001bOC");
        bind(keys, terminal, Key.UP, Capability.key_up, "\u001b[A", "\u001bOA");
        bind(keys, terminal, Key.DOWN, Capability.key_down, "\u001b[B", "\u001bOB");
        bind(keys, terminal, Key.HOME, Capability.key_home, "\u001b[H", "\u001bOH", "\u001b[1~");
        bind(keys, terminal, Key.END, Capability.key_end, "\u001b[F", "\u001bOF", "\u001b[4~");
        bind(keys, terminal, Key.DELETE, Capability.key_dc, "\u001b[3~");
        bind(keys, terminal, Key.PAGE_UP, Capability.key_ppage, "\u001b[5~");
        bind(keys, terminal, Key.PAGE_DOWN, Capability.key_npage, "\u001b[6~");
        return keys;
    }

    private static void bind(KeyMap<Key> keys, Terminal terminal, Key action, Capability capability, String... common) {
        String own = key(terminal, capability);
        if (own != null && !own.isEmpty()) {
            keys.bind(action, own);
        }
        keys.bind(action, common);
    }
}
