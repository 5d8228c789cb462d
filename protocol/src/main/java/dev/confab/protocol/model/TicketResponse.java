package dev.confab.protocol.model;

import java.time.Instant;

/** A single-use WebSocket ticket for clients (browsers) that cannot send an Authorization header. */
public record TicketResponse(String ticket, Instant expiresAt) {
}
