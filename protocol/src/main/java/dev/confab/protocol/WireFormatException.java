package dev.confab.protocol;

/** Input that cannot be decoded. Stackless: it is an expected client mistake, not a server fault. */
public final class WireFormatException extends RuntimeException {
    private final ErrorCode code;
    private final String requestId;

    public WireFormatException(ErrorCode code, String requestId, String message) {
        super(message, null, false, false);
        this.code = code;
        this.requestId = requestId;
    }

    public ErrorCode code() {
        return code;
    }

    /** The request id read from the frame, or null when it could not be read. */
    public String requestId() {
        return requestId;
    }
}
