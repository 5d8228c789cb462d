package dev.confab.protocol.model;

/** One provisioned account and the bearer token of its new session (shown once, here). */
public record ProvisionedAccount(long id, String username, String token) {
}
