package dev.confab.server.app;

import dev.confab.server.app.config.ConfigException;
import dev.confab.server.app.config.ConfigValues;
import dev.confab.server.app.config.ServerConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a node from {@code key=value} arguments (configuration keys, see confab.example.properties)
 * and prints {@code Confab server ready at <url>} once it listens. The {@code confab server} command
 * offers friendlier flags; this entry point exists for embedding and for process-level tests.
 */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                System.err.println("confab: arguments are key=value, got '" + arg + "'");
                System.exit(2);
            }
            overrides.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        try {
            runUntilShutdown(ServerConfig.from(ConfigValues.load(null, System.getenv(), overrides)));
        } catch (ConfigException e) {
            System.err.println("confab: configuration error: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Starts the node, prints its URL, and stops it gracefully when the JVM is asked to exit (SIGTERM, Ctrl-C). */
    public static ConfabServer runUntilShutdown(ServerConfig config) {
        ConfabServer server = ConfabServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "confab-shutdown"));
        System.out.println("Confab server ready at " + server.url());
        System.out.flush();
        return server;
    }
}
