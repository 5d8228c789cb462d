package dev.confab.cli.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a slash command into words: separated by spaces, with double quotes grouping words that
 * contain spaces ({@code /group create "Book club" bob}).
 */
final class CommandTokens {
    private CommandTokens() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (ch == ' ' && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(ch);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
