package dev.confab.server.accounts;

import java.util.Locale;

/** How many sessions an account may hold at once. */
public enum SessionPolicy {
    /** Any number of devices at once (one session per device). */
    MULTI_DEVICE,
    /** One: a new login ends every other session of the account, wherever its sockets are. */
    SINGLE_SESSION;

    /** Parses {@code multi-device} or {@code single-session}. */
    public static SessionPolicy parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "multi-device" -> MULTI_DEVICE;
            case "single-session" -> SINGLE_SESSION;
            default -> throw new IllegalArgumentException("expected multi-device or single-session, got '" + text + "'");
        };
    }
}
