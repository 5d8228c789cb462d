package dev.confab.protocol.request;

/**
 * PATCH /api/v1/me. Absent (null) fields stay as they are; an empty string clears displayName, avatar,
 * email or phone.
 */
public record ProfileUpdateRequest(String displayName, String avatar, String email, String phone,
                                   Boolean findableByEmail, Boolean findableByPhone) {
}
