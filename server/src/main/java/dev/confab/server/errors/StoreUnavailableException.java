package dev.confab.server.errors;

import dev.confab.protocol.ErrorCode;

/**
 * The database could not be reached or timed out; maps to {@code unavailable}. Clients see only the
 * code's standard message; {@link #detail()} (driver text, operation) is for the server log.
 */
public final class StoreUnavailableException extends ConfabException {
    private final String detail;

    public StoreUnavailableException(String detail) {
        super(ErrorCode.UNAVAILABLE);
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}
