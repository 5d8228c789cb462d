package dev.confab.cli.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Tab completion of the input line: command names after {@code /}, then the words a command's
 * arguments take (usernames, room aliases, conversation names). One match completes the word; several
 * complete their common prefix and are listed.
 *
 * @param text       the new text before the cursor
 * @param candidates the matches when there were several (to show), else empty
 */
record Completion(String text, List<String> candidates) {

    /** Completes the last word of {@code beforeCursor}, choosing from {@code words}. */
    static Completion of(String beforeCursor, Collection<String> words) {
        int start = beforeCursor.lastIndexOf(' ') + 1;
        String prefix = beforeCursor.substring(start);
        String lower = prefix.toLowerCase(Locale.ROOT);
        TreeSet<String> matches = new TreeSet<>();
        for (String word : words) {
            if (word.toLowerCase(Locale.ROOT).startsWith(lower)) {
                matches.add(word);
            }
        }
        if (matches.isEmpty()) {
            return new Completion(beforeCursor, List.of());
        }
        if (matches.size() == 1) {
            return new Completion(beforeCursor.substring(0, start) + matches.first() + " ", List.of());
        }
        String common = matches.first();
        for (String m : matches) {
            int i = 0;
            while (i < common.length() && i < m.length()
                    && Character.toLowerCase(common.charAt(i)) == Character.toLowerCase(m.charAt(i))) {
                i++;
            }
            common = common.substring(0, i);
        }
        // the letters typed keep their case when the matches differ in it (ca + Carla, carol = car)
        String completed = common.length() > prefix.length() ? prefix + common.substring(prefix.length()) : prefix;
        return new Completion(beforeCursor.substring(0, start) + completed, new ArrayList<>(matches));
    }

    /** The words that may come next in {@code beforeCursor}, given what the chat knows. */
    static Collection<String> wordsFor(String beforeCursor, ChatState state) {
        List<String> words = CommandTokens.split(beforeCursor);
        boolean newWord = beforeCursor.endsWith(" ");
        int position = words.size() - (newWord ? 0 : 1);
        if (position <= 0) {
            List<String> commands = new ArrayList<>();
            for (SlashCommand c : SlashCommand.values()) {
                commands.add("/" + c.word);
            }
            return commands;
        }
        SlashCommand command = SlashCommand.named(words.getFirst().substring(1));
        if (command == null) {
            return List.of();
        }
        synchronized (state) {
            return switch (command.argument) {
                case NONE -> List.of();
                case COMMAND -> List.of(java.util.Arrays.stream(SlashCommand.values()).map(c -> c.word).toArray(String[]::new));
                case USER -> users(state);
                case ROOM -> new ArrayList<>(state.rooms);
                case CONVERSATION -> state.ordered().stream().map(ChatConversation::label).toList();
                case GROUP_ACTION -> position == 1 ? List.of("create") : position == 2 ? List.of() : users(state);
                case SESSION_ACTION -> position == 1 ? List.of("end") : position == 2 ? List.of(SessionActions.OTHERS) : List.of();
            };
        }
    }

    private static List<String> users(ChatState state) {
        TreeSet<String> users = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        users.addAll(state.friends);
        users.addAll(state.names.allNames());
        users.remove(state.myName);
        return new ArrayList<>(users);
    }
}
