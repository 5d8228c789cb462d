package dev.confab.server.conversations;

/** A member's role in a group or room. A conversation has exactly one OWNER (none for DIRECT). */
public enum MemberRole {
    OWNER, ADMIN, MEMBER;

    /** Whether this role may manage members and settings (owner and admins). */
    public boolean manages() {
        return this != MEMBER;
    }
}
