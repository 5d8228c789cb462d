package dev.confab.protocol.request;

/**
 * POST /api/v1/sessions. {@code deviceId} identifies the device across logins (one session per device:
 * logging in again from the same device replaces its old session); the server makes one up if absent.
 */
public record LoginRequest(String username, String password, String deviceId, String deviceName) {
}
