package dev.confab.cli.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Where a password comes from, never the command line (where other users could read it from the
 * process list): the first line of standard input with {@code --password-stdin}, else the
 * {@code CONFAB_PASSWORD} environment variable, else an interactive prompt without echo.
 */
public final class PasswordSource {
    private PasswordSource() {
    }

    /**
     * The password, asked for with {@code promptKey}; with {@code confirm}, an interactive prompt asks
     * twice and the two must match.
     */
    public static String read(ClientSetup setup, boolean fromStdin, String promptKey, boolean confirm) {
        CliContext context = setup.context();
        Texts texts = setup.texts();
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new CliFailure(ExitCodes.USAGE, texts.get("password.stdin_empty"));
                }
                return line;
            } catch (IOException e) {
                throw new CliFailure(ExitCodes.USAGE, texts.get("password.stdin_empty"));
            }
        }
        String env = context.env().get("CONFAB_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        char[] first = context.password().read(texts.get(promptKey));
        if (first == null) {
            throw new CliFailure(ExitCodes.USAGE, texts.get("password.no_terminal"));
        }
        if (confirm) {
            char[] again = context.password().read(texts.get("password.prompt_again"));
            if (again == null || !new String(first).equals(new String(again))) {
                throw new CliFailure(ExitCodes.USAGE, texts.get("password.mismatch"));
            }
        }
        return new String(first);
    }
}
