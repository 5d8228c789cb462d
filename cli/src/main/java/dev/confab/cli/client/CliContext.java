package dev.confab.cli.client;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a client command may touch of the world it runs in: the environment variables, the standard
 * streams, the user's home, the default locale and a way to ask for a password without echo. Tests
 * build one of their own; {@link #system()} is the real one.
 *
 * @param env      environment variables (CONFAB_HOME, CONFAB_SERVER, CONFAB_PASSWORD, CONFAB_LANG…)
 * @param in       standard input (for {@code --password-stdin} and message text)
 * @param out      standard output: data, and nothing but data when {@code --json} is given
 * @param err      standard error: progress and error lines
 * @param home     the user's home directory
 * @param locale   the locale to use when neither {@code --lang} nor CONFAB_LANG says otherwise
 * @param password asks for a password interactively; answers null when there is no terminal
 */
public record CliContext(Map<String, String> env, InputStream in, PrintStream out, PrintStream err, Path home,
                         Locale locale, PasswordPrompt password) {

    /** Reads a password from the user without echoing it; null when no one can be asked. */
    @FunctionalInterface
    public interface PasswordPrompt {
        char[] read(String prompt);
    }

    public CliContext {
        env = Map.copyOf(env);
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(password, "password");
    }

    /** The process's own environment, streams and console. */
    public static CliContext system() {
        Console console = System.console();
        PasswordPrompt prompt = console == null ? text -> null : text -> console.readPassword("%s", text);
        return new CliContext(System.getenv(), System.in, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8), Path.of(System.getProperty("user.home")),
                Locale.getDefault(), prompt);
    }

    /** An environment variable, or null when unset or blank. */
    public String variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
