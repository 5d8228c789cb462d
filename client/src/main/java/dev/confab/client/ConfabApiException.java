package dev.confab.client;

import dev.confab.protocol.ErrorCode;

/**
 * The server answered a request with an error: an HTTP status of 4xx or 5xx, or a WebSocket
 * {@code error} frame. Carries the stable wire code (see {@link ErrorCode}) and the server's message.
 *
 * <p>For an error that came as a WebSocket frame, {@link #status()} is the status the same code
 * carries over HTTP, or 0 when this version does not know the code.
 */
public final class ConfabApiException extends RuntimeException {
    private final int status;
    private final String code;

    /**
     * @param status  the HTTP status, or 0 when there is none
     * @param code    the wire code, or null when the server sent none
     * @param message the human message
     */
    public ConfabApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** An error that arrived in a WebSocket {@code error} frame. */
    static ConfabApiException fromFrame(String code, String message) {
        ErrorCode known = ErrorCode.fromCode(code);
        return new ConfabApiException(known == null ? 0 : known.httpStatus(), code, message);
    }

    /** The HTTP status (or the status this error's code carries over HTTP); 0 when unknown. */
    public int status() {
        return status;
    }

    /** The wire code exactly as the server sent it, or null when it sent none. */
    public String code() {
        return code;
    }

    /** The code as a known {@link ErrorCode}, or null when the server sent a code this version does not know. */
    public ErrorCode errorCode() {
        return code == null ? null : ErrorCode.fromCode(code);
    }

    @Override
    public String toString() {
        return "ConfabApiException[" + status + " " + code + "]: " + getMessage();
    }
}
