package dev.confab.server.cluster;

/** Why a session's connections are closed. */
public enum SessionEnd {
    /** Logged out, revoked, password changed or expired: close with SESSION_ENDED (4001). */
    ENDED,
    /** A newer login of the same account replaced it (single-session policy): SESSION_REPLACED (4003). */
    REPLACED
}
