package dev.confab.server.errors;

import dev.confab.protocol.ErrorCode;

/** Work refused because the node is shutting down; clients see {@code unavailable} and retry elsewhere or later. */
public final class ServerStoppingException extends ConfabException {
    public ServerStoppingException() {
        super(ErrorCode.UNAVAILABLE);
    }
}
