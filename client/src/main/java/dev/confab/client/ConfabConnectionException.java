package dev.confab.client;

/**
 * A request got no answer because the server could not be reached, the connection dropped while the
 * request was outstanding, or the connection was closed. The request may or may not have reached the
 * server; requests that are safe to repeat may be repeated once the connection is back.
 */
public final class ConfabConnectionException extends RuntimeException {
    public ConfabConnectionException(String message) {
        super(message);
    }

    public ConfabConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
