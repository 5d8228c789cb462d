package dev.confab.protocol.model;

import java.time.Instant;

/** A friend, the caller's private remark for them (or null), and since when they are friends. */
public record FriendView(UserView user, String remark, Instant since) {
}
