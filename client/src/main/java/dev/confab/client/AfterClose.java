package dev.confab.client;

import dev.confab.protocol.CloseCodes;

/** What a connection does when its socket closes or its upgrade is refused. */
enum AfterClose {
    /** Wait out the backoff, connect again and catch up by sync. */
    RECONNECT,
    /** The session is over: tell the application, close for good. */
    END_SESSION,
    /** Another sign-in took over the account's one session: tell the application, close for good. */
    SESSION_REPLACED,
    /** The server will not take this client as it is: report the error, close for good. */
    STOP;

    /** The decision for a close frame with {@code code} from the server, or a socket that broke (-1). */
    static AfterClose forCloseCode(int code) {
        return switch (code) {
            case CloseCodes.SESSION_ENDED -> END_SESSION;
            case CloseCodes.SESSION_REPLACED -> SESSION_REPLACED;
            case CloseCodes.POLICY_VIOLATION -> STOP;
            default -> RECONNECT;
        };
    }

    /** The decision for an upgrade the server answered with HTTP {@code status} instead of 101. */
    static AfterClose forRefusedUpgrade(int status) {
        if (status == 401) {
            return END_SESSION;
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return STOP;
        }
        return RECONNECT;
    }
}
