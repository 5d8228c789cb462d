package dev.confab.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.cli.ConfabCommand;
import dev.confab.cli.client.CliContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs {@code confab} commands in this JVM as one user would in their shell: their own config
 * directory (CONFAB_HOME), environment and standard streams, captured for the test.
 */
public final class Cli {
    private final Path home;
    private final Map<String, String> env = new HashMap<>();

    /** What a command printed and how it ended. */
    public record Result(int exit, String out, String err) {
        /** Standard output as one JSON document. */
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (Exception e) {
                throw new AssertionError("Not JSON: " + out + " / " + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\nout: " + out + "\nerr: " + err;
        }
    }

    public Cli(Path home, String server) {
        this.home = home;
        env.put("CONFAB_HOME", home.toString());
        env.put("CONFAB_SERVER", server);
        env.put("CONFAB_LANG", "en");
    }

    public Cli with(String variable, String value) {
        if (value == null) {
            env.remove(variable);
        } else {
            env.put(variable, value);
        }
        return this;
    }

    public Path home() {
        return home;
    }

    public Result run(String... args) {
        return runWithInput("", args);
    }

    public Result runWithInput(String stdin, String... args) {
        return runWith(stdin, new ByteArrayOutputStream(), args);
    }

    /** Runs with standard output going to {@code out}, which the caller may read while the command runs. */
    public Result runWith(String stdin, ByteArrayOutputStream out, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                home, Locale.ENGLISH, prompt -> null);
        int exit = ConfabCommand.run(context, args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
