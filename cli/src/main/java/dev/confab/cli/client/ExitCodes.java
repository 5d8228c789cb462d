package dev.confab.cli.client;

/**
 * Exit codes of the client commands ({@code register}, {@code login}, {@code send}, {@code chat}…),
 * so that scripts can tell what went wrong. Documented in docs/terminal.md.
 */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** The server refused the request (a 4xx answer other than authentication), or what was named does not exist. */
    public static final int REFUSED = 1;
    /** The command line or local input is wrong (picocli's own code for usage errors). */
    public static final int USAGE = 2;
    /** Not logged in, wrong username or password, or the saved session has ended. */
    public static final int AUTH = 3;
    /** The server cannot be reached, did not answer in time, or failed (5xx). */
    public static final int UNAVAILABLE = 4;

    private ExitCodes() {
    }
}
