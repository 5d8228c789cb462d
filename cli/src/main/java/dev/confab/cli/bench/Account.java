package dev.confab.cli.bench;

/** A provisioned user the bench connects as. */
record Account(long id, String username, String token) {
}
