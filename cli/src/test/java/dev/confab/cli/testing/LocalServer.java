package dev.confab.cli.testing;

import dev.confab.server.app.ConfabServer;
import dev.confab.server.app.config.ConfigValues;
import dev.confab.server.app.config.ServerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Confab server in this JVM on a loopback port over a fresh SQLite database in {@code dir}, as a
 * user's terminal would meet it: direct messages between friends only, the production password cost.
 * {@link #restart()} stops it and starts it again on the same port and data, as a server restart.
 */
public final class LocalServer implements AutoCloseable {
    private final Path dir;
    private final Map<String, String> overrides;
    private ConfabServer server;
    private int port;

    private LocalServer(Path dir, Map<String, String> overrides) {
        this.dir = dir;
        this.overrides = overrides;
    }

    public static LocalServer start(Path dir) {
        return start(dir, Map.of());
    }

    public static LocalServer start(Path dir, Map<String, String> overrides) {
        LocalServer local = new LocalServer(dir, overrides);
        local.open(0);
        return local;
    }

    private void open(int wantedPort) {
        Map<String, String> all = new HashMap<>();
        all.put("server.host", "127.0.0.1");
        all.put("server.port", Integer.toString(wantedPort));
        all.put("server.data-dir", dir.toString());
        all.put("server.shutdown-grace", "1s");
        all.put("presence.offline-grace", "0s");
        all.putAll(overrides);
        server = ConfabServer.start(ServerConfig.from(ConfigValues.load(null, Map.of(), all)));
        port = server.port();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the server (clients see a goaway and a close) and starts it again on the same port and data. */
    public void restart() {
        server.close();
        open(port);
    }

    /** Stops the server without starting it again. */
    public void stop() {
        server.close();
    }

    /** Starts a stopped server again on the same port and data. */
    public void startAgain() {
        open(port);
    }

    @Override
    public void close() {
        server.close();
    }
}
