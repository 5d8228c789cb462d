package dev.confab.server.accounts;

/** A successful login: the bearer token (shown once), the new session and its account. */
public record LoginResult(String token, Session session, Account account) {
}
