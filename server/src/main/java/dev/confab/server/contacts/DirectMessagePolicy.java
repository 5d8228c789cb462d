package dev.confab.server.contacts;

import java.util.Locale;

/** Who may exchange direct messages: friends only (the default), or anyone who knows the username. */
public enum DirectMessagePolicy {
    FRIENDS_ONLY, ANYONE;

    /** Parses the configuration form: {@code friends-only} or {@code anyone}. */
    public static DirectMessagePolicy parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "friends-only" -> FRIENDS_ONLY;
            case "anyone" -> ANYONE;
            default -> throw new IllegalArgumentException("expected friends-only or anyone, got '" + text + "'");
        };
    }
}
