package dev.confab.cli.chat;

/** Where one of the user's own messages is, as the status mark beside it shows. */
enum MessageStatus {
    /** Not acknowledged yet: in flight, or queued while disconnected. */
    SENDING,
    /** Committed by the server (acknowledged). */
    SENT,
    /** Another member's client confirmed receiving it. */
    DELIVERED,
    /** Another member read it. */
    READ,
    /** The server refused it; {@code /retry} sends it again with the same client message id. */
    FAILED
}
