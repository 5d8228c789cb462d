package dev.confab.server.errors;

import dev.confab.protocol.ErrorCode;

/**
 * An expected failure with a stable {@link ErrorCode}, shown to the client as-is. Stackless: these are
 * outcomes of bad input or state, not bugs, and must never be logged with a trace.
 */
public class ConfabException extends RuntimeException {
    private final ErrorCode code;

    public ConfabException(ErrorCode code) {
        this(code, code.defaultMessage());
    }

    public ConfabException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
