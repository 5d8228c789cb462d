package dev.confab.protocol.model;

/** Answer to a successful login: the bearer token is shown exactly once, here. */
public record LoginResponse(String token, SessionView session, AccountView account) {
}
