package dev.confab.protocol.model;

import java.time.Instant;

/**
 * A friend request. {@code status} is PENDING, ACCEPTED, DECLINED, CANCELLED or EXPIRED (a pending
 * request past {@code expiresAt}).
 */
public record FriendRequestView(long id, UserView from, UserView to, String message, String status,
                                Instant createdAt, Instant updatedAt, Instant expiresAt) {
}
