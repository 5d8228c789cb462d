package dev.confab.protocol.model;

import java.time.Instant;

/** The caller's own account, including private contact fields (only ever shown to its owner). */
public record AccountView(long id, String username, String displayName, String email, String phone,
                          Instant createdAt) {
}
