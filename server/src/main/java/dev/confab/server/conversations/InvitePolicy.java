package dev.confab.server.conversations;

/** Who may invite people into a group. */
public enum InvitePolicy {
    ADMINS, MEMBERS
}
