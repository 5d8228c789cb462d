package dev.confab.protocol.request;

/** POST /api/v1/friend-requests: to a user by {@code to} (username) or {@code toUserId}, with an optional message. */
public record FriendRequestRequest(String to, Long toUserId, String message) {
}
