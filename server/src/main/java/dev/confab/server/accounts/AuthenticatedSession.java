package dev.confab.server.accounts;

/** Who is calling: the outcome of checking a bearer token or a WebSocket ticket. */
public record AuthenticatedSession(AccountId accountId, String username, SessionId sessionId, String deviceId) {
}
