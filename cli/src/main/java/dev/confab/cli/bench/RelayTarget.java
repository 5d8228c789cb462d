package dev.confab.cli.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The bare relay as a {@link Target}, in a JVM of its own like a Confab node: accounts are just
 * numbers, rooms are registered over HTTP.
 */
final class RelayTarget implements Target {
    private final ChildJvm child;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private long nextUser;

    RelayTarget() throws Exception {
        var dir = Files.createTempDirectory("confab-bench-relay-");
        child = ChildJvm.relay(dir);
        base = URI.create(child.url());
        System.err.println("bench: relay at " + base + " (log: " + dir.resolve("server.log") + ")");
    }

    @Override
    public String name() {
        return "relay";
    }

    @Override
    public URI webSocket(int n) {
        return URI.create("ws://" + base.getAuthority() + "/api/v1/ws");
    }

    @Override
    public synchronized List<Account> provision(int count) {
        List<Account> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long id = ++nextUser;
            accounts.add(new Account(id, "relay-user-" + id, "relay-" + id));
        }
        return accounts;
    }

    @Override
    public long createRoom(List<Account> members, int capacity) throws Exception {
        String ids = members.stream().map(a -> Long.toString(a.id())).collect(Collectors.joining(",", "[", "]"));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/conversations"))
                .POST(HttpRequest.BodyPublishers.ofString(ids)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the relay refused a room: " + r.statusCode() + " " + r.body());
        }
        return Long.parseLong(r.body());
    }

    @Override
    public long residentBytes() {
        return ResidentMemory.of(child.pid());
    }

    @Override
    public void close() {
        child.close();
    }
}
