package dev.confab.client;

/** Where a {@link ConfabConnection} is in its life. */
public enum ConnectionState {
    /** Dialling, or waiting for the server's {@code hello}. */
    CONNECTING,
    /** The server said {@code hello}; frames flow. */
    CONNECTED,
    /** Not connected: before {@code connect()}, or waiting out the backoff before the next attempt. */
    DISCONNECTED,
    /** Closed for good (by {@code close()}, an ended session or a refused connection); never leaves this state. */
    CLOSED
}
