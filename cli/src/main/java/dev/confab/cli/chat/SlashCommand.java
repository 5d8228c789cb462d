package dev.confab.cli.chat;

import java.util.List;

/**
 * The chat's slash commands: name, syntax, how many arguments they take, and what their arguments are
 * (for tab completion). What each does is in {@link ChatActions}; the one-line help is the text
 * {@code cmd.<name>} of the bundles.
 */
enum SlashCommand {
    HELP("help", "[command]", 0, 1, Argument.COMMAND),
    DM("dm", "<user>", 1, 1, Argument.USER),
    OPEN("open", "<conversation>", 1, 1, Argument.CONVERSATION),
    FRIENDS("friends", "", 0, 0, Argument.NONE),
    ADD("add", "<user> [message…]", 1, -1, Argument.USER),
    REQUESTS("requests", "", 0, 0, Argument.NONE),
    ACCEPT("accept", "<user>", 1, 1, Argument.USER),
    DECLINE("decline", "<user>", 1, 1, Argument.USER),
    BLOCK("block", "<user>", 1, 1, Argument.USER),
    UNBLOCK("unblock", "<user>", 1, 1, Argument.USER),
    REMARK("remark", "<friend> [remark…]", 1, -1, Argument.USER),
    GROUP("group", "create <name> <members…>", 2, -1, Argument.GROUP_ACTION),
    INVITE("invite", "<user…>", 1, -1, Argument.USER),
    KICK("kick", "<user>", 1, 1, Argument.USER),
    LEAVE("leave", "", 0, 0, Argument.NONE),
    DISBAND("disband", "", 0, 0, Argument.NONE),
    ROOMS("rooms", "[search]", 0, 1, Argument.NONE),
    NEWROOM("newroom", "<alias> [title…]", 1, -1, Argument.NONE),
    JOIN("join", "<room>", 1, 1, Argument.ROOM),
    WHO("who", "", 0, 0, Argument.NONE),
    HISTORY("history", "", 0, 0, Argument.NONE),
    RETRY("retry", "", 0, 0, Argument.NONE),
    EVENTS("events", "", 0, 0, Argument.NONE),
    SESSIONS("sessions", "[end <n>|end others]", 0, 2, Argument.SESSION_ACTION),
    LOGOUT("logout", "", 0, 0, Argument.NONE),
    QUIT("quit", "", 0, 0, Argument.NONE);

    /** What a command's arguments name, for completion. */
    enum Argument { NONE, COMMAND, USER, ROOM, CONVERSATION, GROUP_ACTION, SESSION_ACTION }

    final String word;
    final String syntax;
    final int minArgs;
    /** -1: any number. */
    final int maxArgs;
    final Argument argument;

    SlashCommand(String word, String syntax, int minArgs, int maxArgs, Argument argument) {
        this.word = word;
        this.syntax = syntax;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.argument = argument;
    }

    /** {@code /word syntax}. */
    String usage() {
        return syntax.isEmpty() ? "/" + word : "/" + word + " " + syntax;
    }

    /** Whether {@code args} fit the syntax: their number, and the fixed words some commands take. */
    boolean accepts(List<String> args) {
        if (args.size() < minArgs || maxArgs >= 0 && args.size() > maxArgs) {
            return false;
        }
        return switch (this) {
            case GROUP -> "create".equalsIgnoreCase(args.getFirst());
            case SESSIONS -> SessionActions.accepts(args);
            default -> true;
        };
    }

    static SlashCommand named(String word) {
        for (SlashCommand c : values()) {
            if (c.word.equalsIgnoreCase(word)) {
                return c;
            }
        }
        return null;
    }
}
