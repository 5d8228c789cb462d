package dev.confab.cli.chat;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.WCWidth;

/**
 * The line the user types into: a buffer of code points with a cursor, an input history (up and down),
 * and its rendering into a row of the screen, scrolled sideways so the cursor stays visible. Widths are
 * display columns, so Chinese characters and emoji take two.
 */
final class InputLine {
    /** Lines kept in the input history. */
    static final int HISTORY = 200;

    private final List<Integer> codePoints = new ArrayList<>();
    private final List<String> history = new ArrayList<>();
    private int cursor;
    private int historyIndex;
    private int firstShown;

    String text() {
        StringBuilder b = new StringBuilder();
        codePoints.forEach(b::appendCodePoint);
        return b.toString();
    }

    /** The text before the cursor. */
    String beforeCursor() {
        StringBuilder b = new StringBuilder();
        codePoints.subList(0, cursor).forEach(b::appendCodePoint);
        return b.toString();
    }

    void insert(String text) {
        text.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7f).forEach(cp -> codePoints.add(cursor++, cp));
    }

    void backspace() {
        if (cursor > 0) {
            codePoints.remove(--cursor);
        }
    }

    void delete() {
        if (cursor < codePoints.size()) {
            codePoints.remove(cursor);
        }
    }

    void left() {
        cursor = Math.max(0, cursor - 1);
    }

    void right() {
        cursor = Math.min(codePoints.size(), cursor + 1);
    }

    void home() {
        cursor = 0;
    }

    void end() {
        cursor = codePoints.size();
    }

    /** Deletes from the cursor back to the start of the word before it. */
    void deleteWord() {
        while (cursor > 0 && codePoints.get(cursor - 1) == ' ') {
            backspace();
        }
        while (cursor > 0 && codePoints.get(cursor - 1) != ' ') {
            backspace();
        }
    }

    /** Replaces the whole text and puts the cursor at its end. */
    void set(String text) {
        codePoints.clear();
        cursor = 0;
        insert(text);
    }

    /** Replaces the text with {@code before} + {@code after}, the cursor between them. */
    void set(String before, String after) {
        set(before + after);
        cursor = (int) before.codePoints().count();
    }

    /** Takes the text out (for sending), remembering it in the history. */
    String take() {
        String text = text();
        if (!text.isBlank() && (history.isEmpty() || !history.getLast().equals(text))) {
            history.add(text);
            if (history.size() > HISTORY) {
                history.removeFirst();
            }
        }
        historyIndex = history.size();
        set("");
        return text;
    }

    void previous() {
        if (historyIndex > 0) {
            set(history.get(--historyIndex));
        }
    }

    void next() {
        if (historyIndex < history.size() - 1) {
            set(history.get(++historyIndex));
        } else {
            historyIndex = history.size();
            set("");
        }
    }

    /** A rendered row: the prompt and as much of the text as fits around the cursor. */
    record Row(AttributedString line, int cursorColumn) {
    }

    Row render(String prompt, int width) {
        int promptWidth = new AttributedString(prompt).columnLength();
        int room = Math.max(1, width - promptWidth - 1);
        if (cursor < firstShown) {
            firstShown = cursor;
        }
        while (columns(firstShown, cursor) > room) {
            firstShown++;
        }
        AttributedStringBuilder b = new AttributedStringBuilder().append(prompt);
        int used = 0;
        for (int i = firstShown; i < codePoints.size(); i++) {
            int w = Math.max(0, WCWidth.wcwidth(codePoints.get(i)));
            if (used + w > room) {
                break;
            }
            b.append(new String(Character.toChars(codePoints.get(i))));
            used += w;
        }
        return new Row(b.toAttributedString(), promptWidth + columns(firstShown, cursor));
    }

    private int columns(int from, int to) {
        int w = 0;
        for (int i = from; i < to; i++) {
            w += Math.max(0, WCWidth.wcwidth(codePoints.get(i)));
        }
        return w;
    }
}
