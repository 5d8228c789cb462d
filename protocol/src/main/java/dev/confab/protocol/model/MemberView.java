package dev.confab.protocol.model;

import java.time.Instant;

/** A member of a group or room: public profile, role (OWNER, ADMIN or MEMBER) and joining time. */
public record MemberView(UserView user, String role, Instant joinedAt) {
}
