package dev.confab.protocol.model;

/**
 * Answer to a successful login: the bearer token is shown exactly once, here. {@code node} is the
 * node the client should open its WebSocket to (the least-loaded live one; in a single-node setup,
 * the server itself).
 */
public record LoginResponse(String token, SessionView session, AccountView account, NodeView node) {
}
