package dev.confab.protocol.model;

import java.time.Instant;

/**
 * The caller's own account, including private contact fields (only ever shown to its owner) and
 * whether others may find it by exact email or phone.
 */
public record AccountView(long id, String username, String displayName, String avatar, String email, String phone,
                          boolean findableByEmail, boolean findableByPhone, Instant createdAt) {
}
