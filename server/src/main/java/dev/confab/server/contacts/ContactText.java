package dev.confab.server.contacts;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.errors.ConfabException;

/** Validation of short user-written texts: request messages and remarks. */
final class ContactText {
    private ContactText() {
    }

    /** The trimmed text, or null when absent or blank; {@code contact.invalid_message} when too long. */
    static String optional(String raw, int maxChars) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String trimmed = raw.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > maxChars || trimmed.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new ConfabException(ErrorCode.CONTACT_INVALID_MESSAGE,
                    "At most " + maxChars + " characters, without control characters.");
        }
        return trimmed;
    }
}
