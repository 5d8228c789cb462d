package dev.confab.cli.client;

import java.util.Locale;

/**
 * How a conversation is named on the command line and in chat commands:
 * <ul>
 *   <li>{@code alice} or {@code @alice}: the direct conversation with the user alice;</li>
 *   <li>{@code #book-talk} or {@code room:book-talk}: a room, by alias or id ({@code #12});</li>
 *   <li>{@code group:Book club} or {@code group:12}: a group, by title (ignoring case) or id;</li>
 *   <li>{@code id:12}: any conversation by its id.</li>
 * </ul>
 * A bare word is always a username (usernames may be all digits, so a bare number is one too).
 */
public sealed interface ConversationName {
    /** The direct conversation with a user. */
    record Direct(String username) implements ConversationName {
    }

    /** A room by alias or id. */
    record Room(String aliasOrId) implements ConversationName {
    }

    /** A group by title or id. */
    record Group(String titleOrId) implements ConversationName {
    }

    /** A conversation by id. */
    record ById(long id) implements ConversationName {
    }

    /** Reads a name; fails with a usage error for an empty or malformed one. */
    static ConversationName parse(String text, Texts texts) {
        String t = text == null ? "" : text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        String rest;
        ConversationName name;
        if (lower.startsWith("id:")) {
            rest = t.substring(3).trim();
            try {
                name = new ById(Long.parseLong(rest));
            } catch (NumberFormatException e) {
                throw new CliFailure(ExitCodes.USAGE, texts.get("name.bad_id", t));
            }
            return name;
        } else if (t.startsWith("#")) {
            rest = t.substring(1);
            name = new Room(rest);
        } else if (lower.startsWith("room:")) {
            rest = t.substring(5).trim();
            name = new Room(rest);
        } else if (lower.startsWith("group:")) {
            rest = t.substring(6).trim();
            name = new Group(rest);
        } else {
            rest = t.startsWith("@") ? t.substring(1) : lower.startsWith("user:") ? t.substring(5).trim() : t;
            name = new Direct(rest);
        }
        if (rest.isEmpty()) {
            throw new CliFailure(ExitCodes.USAGE, texts.get("name.empty", t));
        }
        return name;
    }

    /** Parses {@code text} as a number, or null when it is not one. */
    static Long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
