package dev.confab.server.errors;

import dev.confab.protocol.ErrorCode;

/** The database could not be reached or timed out; nothing was committed. Maps to {@code unavailable}. */
public final class StoreUnavailableException extends ConfabException {
    public StoreUnavailableException(String message) {
        super(ErrorCode.UNAVAILABLE, message);
    }
}
