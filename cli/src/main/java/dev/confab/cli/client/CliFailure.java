package dev.confab.cli.client;

/**
 * A command failed in a way the user can understand: one line of text (already translated) and the
 * exit code it ends with. Printed without a stack trace.
 */
public final class CliFailure extends RuntimeException {
    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
