package dev.confab.protocol;

/**
 * WebSocket close codes the server uses, and what a client should do after each.
 *
 * <p>Standard codes (RFC 6455) keep their meaning; 4000-4099 are Confab's own.
 */
public final class CloseCodes {
    /** Normal close requested by either side. */
    public static final int NORMAL = 1000;
    /** The server is shutting down or restarting: reconnect (with backoff) and sync. */
    public static final int GOING_AWAY = 1001;
    /** Sustained protocol abuse (too many bad frames or a flood): reconnect only after fixing the client. */
    public static final int POLICY_VIOLATION = 1008;
    /** A frame or message exceeded the server's maximum size. */
    public static final int MESSAGE_TOO_BIG = 1009;
    /** The server could not set the connection up (for example the database was briefly unavailable): reconnect later. */
    public static final int INTERNAL_ERROR = 1011;
    /** No frame or pong arrived within the heartbeat idle timeout: reconnect and sync. */
    public static final int HEARTBEAT_TIMEOUT = 4000;
    /** The session ended (logout, revoked, password change, expiry): log in again before reconnecting. */
    public static final int SESSION_ENDED = 4001;
    /**
     * The account signed in elsewhere and the server allows one session per account
     * ({@code auth.session-policy=single-session}); a {@code session.replaced} frame came just before.
     * Do not reconnect automatically: the session is gone; tell the user.
     */
    public static final int SESSION_REPLACED = 4003;
    /** The connection's outbound queue overflowed because the client read too slowly: reconnect and sync. */
    public static final int SLOW_CONSUMER = 4008;

    private CloseCodes() {
    }
}
