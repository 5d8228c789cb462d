package dev.confab.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Confab server: started by the bench in its own JVM with a fresh database (the default), or an
 * already running one given by URL with its admin token. Users are provisioned through the admin
 * API ({@code POST /api/v1/admin/bulk-accounts}), so no run waits on per-user password hashing.
 */
final class ConfabTarget implements Target {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 5000;

    private final URI base;
    private final List<URI> nodes;
    private final String adminToken;
    private final List<ChildJvm> children;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String prefix = "b" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36) + "-";
    private int provisioned;

    private ConfabTarget(List<URI> nodes, String adminToken, List<ChildJvm> children) {
        this.base = nodes.getFirst();
        this.nodes = nodes;
        this.adminToken = adminToken;
        this.children = children;
    }

    /**
     * Starts {@code nodeCount} nodes with settings fit for load (limits raised, admin API on) on
     * {@code database}; more than one needs a PostgreSQL database and {@code redis}.
     */
    static ConfabTarget spawn(String database, String redis, int nodeCount, Map<String, String> extra,
                              List<String> jvmOptions) throws Exception {
        if (nodeCount > 1 && (redis == null || database.equals("sqlite"))) {
            throw new IllegalArgumentException("--nodes above 1 needs --db <PostgreSQL URL> and --redis <URL>");
        }
        Path dir = Files.createTempDirectory("confab-bench-");
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.host", "127.0.0.1");
        settings.put("server.port", "0");
        settings.put("server.data-dir", dir.toString());
        settings.put("admin.token", token);
        settings.put("admin.max-bulk-accounts", "100000");
        settings.put("contacts.direct-messages", "anyone");
        settings.put("messages.sends-per-window", "100000000");
        settings.put("ws.max-pending-requests", "100000");
        settings.put("ws.outbound-queue-frames", "16384");
        settings.put("rooms.max-capacity", "1000000");
        settings.put("rooms.default-capacity", "1000000");
        if (!database.equals("sqlite")) {
            settings.put("db.url", database);
        }
        if (redis != null) {
            settings.put("cluster.redis-url", redis);
            settings.put("cluster.key-prefix", "bench-" + Long.toString(System.nanoTime(), 36) + ":");
        }
        settings.putAll(extra);
        List<ChildJvm> children = new ArrayList<>();
        try {
            for (int i = 1; i <= nodeCount; i++) {
                Path nodeDir = Files.createDirectories(dir.resolve("n" + i));
                Map<String, String> node = new LinkedHashMap<>(settings);
                node.put("cluster.node-id", "bench-n" + i);
                node.put("server.data-dir", nodeCount == 1 ? dir.toString() : nodeDir.toString());
                ChildJvm child = ChildJvm.confab(nodeDir, node, jvmOptions);
                children.add(child);
                System.err.println("bench: node " + i + " at " + child.url() + " (log: " + nodeDir.resolve("server.log") + ")");
            }
        } catch (Exception e) {
            children.forEach(ChildJvm::close);
            throw e;
        }
        return new ConfabTarget(children.stream().map(c -> URI.create(c.url())).toList(), token, children);
    }

    static ConfabTarget external(List<URI> nodes, String adminToken) {
        return new ConfabTarget(nodes, adminToken, List.of());
    }

    @Override
    public String name() {
        return "confab";
    }

    @Override
    public URI webSocket(int n) {
        URI node = nodes.get(n % nodes.size());
        return URI.create("ws://" + node.getHost() + ":" + node.getPort() + "/api/v1/ws");
    }

    @Override
    public List<Account> provision(int count) throws Exception {
        List<Account> accounts = new ArrayList<>(count);
        while (accounts.size() < count) {
            int n = Math.min(CHUNK, count - accounts.size());
            String body = JSON.writeValueAsString(Map.of("prefix", prefix + (provisioned++) + "-", "count", n,
                    "password", "bench password " + prefix, "deviceName", "bench"));
            JsonNode answer = post("/api/v1/admin/bulk-accounts", adminToken, body, 201);
            answer.path("accounts").forEach(a -> accounts.add(
                    new Account(a.path("id").asLong(), a.path("username").asText(), a.path("token").asText())));
        }
        return accounts;
    }

    @Override
    public long createRoom(List<Account> members, int capacity) throws Exception {
        Account owner = members.getFirst();
        String alias = prefix + "room-" + System.nanoTime();
        JsonNode room = post("/api/v1/rooms", owner.token(),
                JSON.writeValueAsString(Map.of("alias", alias, "title", "bench", "capacity", capacity)), 201);
        List<Long> others = members.subList(1, members.size()).stream().map(Account::id).toList();
        for (int i = 0; i < others.size(); i += CHUNK) {
            post("/api/v1/admin/bulk-join", adminToken, JSON.writeValueAsString(
                    Map.of("room", alias, "userIds", others.subList(i, Math.min(others.size(), i + CHUNK)))), 200);
        }
        return room.path("id").asLong();
    }

    private JsonNode post(String path, String bearer, String body, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected && !(r.statusCode() / 100 == 2 && expected / 100 == 2)) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
    }

    @Override
    public long residentBytes() {
        return children.isEmpty() ? -1 : children.stream().mapToLong(c -> ResidentMemory.of(c.pid())).sum();
    }

    @Override
    public void close() {
        children.forEach(ChildJvm::close);
    }
}
