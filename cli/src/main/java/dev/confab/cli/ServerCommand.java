package dev.confab.cli;

import dev.confab.server.app.ServerMain;
import dev.confab.server.app.config.ConfigException;
import dev.confab.server.app.config.ConfigValues;
import dev.confab.server.app.config.ServerConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code confab server}: runs a node until SIGTERM or Ctrl-C, then shuts down gracefully. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Runs a Confab server.",
                "With no options it uses SQLite in ./data and listens on port 8080.",
                "Every configuration key can also be set in a file (--config), as CONFAB_<KEY> in the",
                "environment, or with --set key=value; see confab.example.properties."})
final class ServerCommand implements Runnable {
    @Option(names = "--port", description = "TCP port (server.port); 0 picks a free one.")
    Integer port;

    @Option(names = "--host", description = "Listen address (server.host).")
    String host;

    @Option(names = "--data", description = "Data directory (server.data-dir).")
    Path data;

    @Option(names = "--db", description = "Database URL (db.url): jdbc:postgresql://127.0.0.1:5432/confab,"
            + " postgresql://user:password@host:5432/confab, or jdbc:sqlite:FILE. Empty: SQLite in the data directory.")
    String db;

    @Option(names = "--redis", description = "Redis URL of the cluster (cluster.redis-url), e.g. redis://127.0.0.1:6379."
            + " Needs a PostgreSQL --db shared by every node.")
    String redis;

    @Option(names = "--node-id", description = "This node's name in the cluster (cluster.node-id).")
    String nodeId;

    @Option(names = "--public-url", description = "URL clients use to reach this node (server.public-url).")
    String publicUrl;

    @Option(names = "--config", description = "Configuration file (Java properties).")
    Path config;

    @Option(names = "--set", description = "Any configuration key, as key=value. Repeatable.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public void run() {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        if (port != null) {
            overrides.put("server.port", port.toString());
        }
        if (host != null) {
            overrides.put("server.host", host);
        }
        if (data != null) {
            overrides.put("server.data-dir", data.toString());
        }
        if (db != null) {
            overrides.put("db.url", db);
        }
        if (redis != null) {
            overrides.put("cluster.redis-url", redis);
        }
        if (nodeId != null) {
            overrides.put("cluster.node-id", nodeId);
        }
        if (publicUrl != null) {
            overrides.put("server.public-url", publicUrl);
        }
        ServerConfig serverConfig;
        try {
            serverConfig = ServerConfig.from(ConfigValues.load(config, System.getenv(), overrides));
        } catch (ConfigException e) {
            System.err.println("confab: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        ServerMain.runUntilShutdown(serverConfig);
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
