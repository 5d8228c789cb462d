package dev.confab.server.conversations;

/** DIRECT: two people. GROUP: invite-only with roles. ROOM: public, joined by id. */
public enum ConversationKind {
    DIRECT, GROUP, ROOM
}
