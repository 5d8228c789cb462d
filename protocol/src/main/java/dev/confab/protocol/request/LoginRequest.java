package dev.confab.protocol.request;

/**
 * POST /api/v1/sessions. {@code deviceId} identifies the device across logins (one session per device:
 * logging in again from the same device replaces its old session); the server makes one up if absent.
 * {@code useCookie} true (browsers): the token is set as an HttpOnly session cookie and left out of the
 * answer, so that no script in the page ever holds it.
 */
public record LoginRequest(String username, String password, String deviceId, String deviceName, Boolean useCookie) {

    /** A login answered with the token in the body (every client but a browser). */
    public LoginRequest(String username, String password, String deviceId, String deviceName) {
        this(username, password, deviceId, deviceName, null);
    }
}
