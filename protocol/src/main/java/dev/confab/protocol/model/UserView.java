package dev.confab.protocol.model;

/** The public profile of a user: what any other user may see (never email or phone). */
public record UserView(long id, String username, String displayName, String avatar) {
}
