package dev.confab.server.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster of Confab nodes, each its own JVM, sharing one fresh PostgreSQL schema and one Redis key
 * prefix, so that tests can kill nodes the way a crash would. Heartbeats are fast (250 ms, dead after
 * 1.5 s) so failure tests finish quickly. Skips (or, with {@code CONFAB_REQUIRE_SERVICES=true}, fails)
 * when PostgreSQL or Redis is missing.
 */
public final class ClusterNodes implements AutoCloseable {
    private final Map<String, String> common = new LinkedHashMap<>();
    private final List<ServerProcess> nodes = new ArrayList<>();
    private final String prefix;
    private final dev.confab.server.store.jdbc.DatabaseSettings database;

    /** Starts {@code count} nodes n1..nN with {@code extra} settings on top of the cluster's. */
    public static ClusterNodes start(int count, Path dir, Map<String, String> extra) {
        return start(count, dir, TestRedis.url(), extra);
    }

    /** As {@link #start(int, Path, Map)} against the Redis at {@code redisUrl}. */
    public static ClusterNodes start(int count, Path dir, String redisUrl, Map<String, String> extra) {
        ClusterNodes cluster = new ClusterNodes(dir, redisUrl, extra);
        try {
            for (int i = 1; i <= count; i++) {
                cluster.nodes.add(cluster.startNode("n" + i));
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private ClusterNodes(Path dir, String redisUrl, Map<String, String> extra) {
        database = TestDatabases.postgres();
        prefix = TestRedis.newPrefix();
        common.put("db.url", database.jdbcUrl());
        if (database.user() != null) {
            common.put("db.user", database.user());
        }
        common.put("db.schema", database.schema());
        common.put("server.data-dir", dir.toString());
        common.put("cluster.redis-url", redisUrl);
        common.put("cluster.key-prefix", prefix);
        common.put("cluster.heartbeat-interval", "250ms");
        common.put("cluster.node-ttl", "1500ms");
        common.put("cluster.redis-timeout", "1s");
        common.put("contacts.direct-messages", "anyone");
        common.putAll(extra);
    }

    private ServerProcess startNode(String nodeId) {
        Map<String, String> settings = new LinkedHashMap<>(common);
        settings.put("cluster.node-id", nodeId);
        return ServerProcess.start(settings);
    }

    /** Node {@code i}, counting from 0. */
    public ServerProcess node(int i) {
        return nodes.get(i);
    }

    public List<ServerProcess> nodes() {
        return List.copyOf(nodes);
    }

    /** Starts one more node (id n<k>) with the same settings. */
    public ServerProcess addNode() {
        ServerProcess node = startNode("n" + (nodes.size() + 1));
        nodes.add(node);
        return node;
    }

    public String keyPrefix() {
        return prefix;
    }

    @Override
    public void close() {
        for (ServerProcess node : nodes) {
            try {
                node.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // keep closing the rest
            }
        }
        try {
            TestRedis.deleteKeys(prefix);
        } catch (RuntimeException e) {
            // the Redis may be one the test stopped
        }
        TestDatabases.dropSchema(database);
    }
}
