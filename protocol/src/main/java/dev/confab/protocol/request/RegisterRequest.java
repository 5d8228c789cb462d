package dev.confab.protocol.request;

/** POST /api/v1/accounts. Only username and password are required. */
public record RegisterRequest(String username, String password, String displayName, String email, String phone) {
}
