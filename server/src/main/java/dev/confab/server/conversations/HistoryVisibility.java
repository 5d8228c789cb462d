package dev.confab.server.conversations;

/** What a new member may read: everything, only what follows their joining, or the last N messages too. */
public enum HistoryVisibility {
    ALL, FROM_JOIN, LAST_N
}
