package dev.confab.protocol.model;

import java.time.Instant;

/** One signed-in device of the caller. {@code current} marks the session making the request. */
public record SessionView(String id, String deviceId, String deviceName, Instant createdAt,
                          Instant lastUsedAt, Instant expiresAt, boolean current) {
}
