package dev.confab.server.testing;

import dev.confab.server.app.ConfabServer;
import dev.confab.server.app.config.ConfigValues;
import dev.confab.server.app.config.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real server on a free loopback port over a fresh database, for integration tests. Password hashing
 * keeps its production cost (tests see real behaviour); limits can be lowered through overrides. Direct
 * messages are open to anyone unless a suite overrides {@code contacts.direct-messages}.
 */
public final class TestServer implements AutoCloseable {
    private final ConfabServer server;
    private final MutableClock clock;
    private final HttpJson http;

    private TestServer(ConfabServer server, MutableClock clock) {
        this.server = server;
        this.clock = clock;
        this.http = new HttpJson(baseUri());
    }

    public static TestServer start(Backend backend, Path dir, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>();
        all.put("server.host", "127.0.0.1");
        all.put("server.port", "0");
        all.put("server.data-dir", dir.toString());
        all.put("server.shutdown-grace", "2s");
        // Most suites exercise message mechanics between strangers; the contacts suite sets friends-only.
        all.put("contacts.direct-messages", "anyone");
        // Presence tests watch offline announcements happen; PresenceGraceTest covers the delay itself.
        all.put("presence.offline-grace", "0s");
        all.putAll(backend.overrides(dir));
        all.putAll(overrides);
        MutableClock clock = new MutableClock();
        ServerConfig config = ServerConfig.from(ConfigValues.load(null, Map.of(), all));
        return new TestServer(ConfabServer.start(config, clock), clock);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public int port() {
        return server.port();
    }

    public MutableClock clock() {
        return clock;
    }

    public HttpJson http() {
        return http;
    }

    public ConfabServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
