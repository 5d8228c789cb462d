package dev.confab.protocol.model;

import java.time.Instant;

/** Whether a user is online now, and when they were last seen (null if never). */
public record PresenceView(long userId, String username, boolean online, Instant lastSeenAt) {
}
