package dev.confab.protocol.request;

/** POST /api/v1/me/password. With {@code endOtherSessions}, every other session of the account ends. */
public record ChangePasswordRequest(String currentPassword, String newPassword, Boolean endOtherSessions) {
}
