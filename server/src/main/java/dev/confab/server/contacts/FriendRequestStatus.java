package dev.confab.server.contacts;

/** Where a friend request stands. Only PENDING requests change; expiry is read from {@code expiresAt}. */
public enum FriendRequestStatus {
    PENDING, ACCEPTED, DECLINED, CANCELLED
}
