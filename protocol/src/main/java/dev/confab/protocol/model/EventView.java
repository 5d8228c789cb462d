package dev.confab.protocol.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One entry of the caller's event log. {@code seq} is gap-free and strictly increasing per account;
 * clients keep the highest seq they processed and sync from it. {@code type} names the kind (see the
 * protocol reference) and {@code data} holds its fields.
 */
public record EventView(long seq, String type, Instant at, JsonNode data) {
}
