package dev.confab.protocol.request;

/** Marks a conversation read up to and including {@code seq}. Read positions never move backwards. */
public record ReadRequest(Long seq) {
}
