package dev.confab.cli.client;

import dev.confab.client.ConfabApiException;
import dev.confab.client.ConfabConnectionException;
import dev.confab.protocol.ErrorCode;
import java.io.UncheckedIOException;

/**
 * Turns what went wrong into one translated line and an exit code. Every server error code has its
 * own sentence ({@code error.<code>} in the bundles); a code this client does not know is described by
 * its status class with the server's own message. In English, a server message more specific than the
 * code's standard sentence (for example "Passwords are 8 to 1024 characters.") is shown as it is; in
 * Chinese it follows the translation in parentheses.
 */
public final class ErrorText {
    private final Texts texts;

    public ErrorText(Texts texts) {
        this.texts = texts;
    }

    /** One line describing {@code error}. */
    public String describe(Throwable error) {
        if (error instanceof CliFailure failure) {
            return failure.getMessage();
        }
        if (error instanceof ConfabApiException api) {
            return describe(api);
        }
        if (error instanceof ConfabConnectionException) {
            return texts.get("error.unreachable");
        }
        if (error instanceof UncheckedIOException io) {
            return texts.get("error.local_file", io.getMessage());
        }
        String message = error.getMessage();
        return texts.get("error.unexpected", message == null ? error.getClass().getSimpleName() : message);
    }

    /** The exit code that {@code error} ends a command with. */
    public static int exitCode(Throwable error) {
        if (error instanceof CliFailure failure) {
            return failure.exitCode();
        }
        if (error instanceof ConfabApiException api) {
            if (api.status() == 401) {
                return ExitCodes.AUTH;
            }
            return api.status() >= 500 ? ExitCodes.UNAVAILABLE : ExitCodes.REFUSED;
        }
        if (error instanceof ConfabConnectionException) {
            return ExitCodes.UNAVAILABLE;
        }
        return ExitCodes.REFUSED;
    }

    private String describe(ConfabApiException api) {
        String code = api.code();
        String serverMessage = api.getMessage() == null ? "" : api.getMessage();
        if (code == null || !texts.has("error." + code)) {
            String key = api.status() >= 500 ? "error.status.5xx" : "error.status.4xx";
            return texts.get(key, api.status(), serverMessage);
        }
        String translated = texts.get("error." + code);
        ErrorCode known = ErrorCode.fromCode(code);
        boolean specific = !serverMessage.isBlank() && (known == null || !known.defaultMessage().equals(serverMessage));
        if (!specific || ErrorCode.UNAVAILABLE.code().equals(code)) {
            return translated;
        }
        return texts.chineseText() ? translated + "（" + serverMessage + "）" : serverMessage;
    }
}
