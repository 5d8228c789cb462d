package dev.confab.cli.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The machine's baseline: a WebSocket relay with the same frames and JSON work as Confab's hot path
 * (hello, send → ack + message push to the other members, ping) but no authentication check, no
 * storage and no durability. What a scenario achieves here is what the machine and the load generator
 * can do; Confab's figures are reported as a ratio to it.
 *
 * <p>It runs in a JVM of its own, started like a Confab node ({@link ChildJvm#relay}), so that the
 * comparison is like for like and its sockets do not count against the load generator's open-file
 * limit. Rooms are registered with {@code POST /conversations}, a JSON array of member ids, which
 * answers the new conversation's id.
 */
final class BareRelay implements AutoCloseable {
    /** The line {@link #main} prints once it listens; group 1 is its URL. */
    static final Pattern READY = Pattern.compile("Bare relay ready at (http://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final HttpServer server;
    private final ConcurrentHashMap<Long, Set<ServerWebSocket>> sockets = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, List<Long>> members = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, AtomicLong> seqs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentHashMap<String, Long> pairs = new ConcurrentHashMap<>();

    BareRelay() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .webSocketHandler(this::accepted)
                .requestHandler(this::request);
        server.listen().await();
    }

    /** Runs the relay until the process is stopped. */
    public static void main(String[] args) {
        BareRelay relay = new BareRelay();
        Runtime.getRuntime().addShutdownHook(new Thread(relay::close));
        System.out.println("Bare relay ready at http://127.0.0.1:" + relay.port() + "/");
        System.out.flush();
    }

    private void request(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST || !request.path().equals("/conversations")) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.body().onSuccess(body -> {
            try {
                List<Long> ids = JSON.readValue(body.getBytes(), new TypeReference<List<Long>>() { });
                request.response().end(Long.toString(conversation(ids)));
            } catch (IOException | RuntimeException e) {
                request.response().setStatusCode(400).end(String.valueOf(e.getMessage()));
            }
        });
    }

    int port() {
        return server.actualPort();
    }

    /** Registers a conversation with these members; returns its id. */
    long conversation(List<Long> memberIds) {
        long id = ids.incrementAndGet();
        members.put(id, List.copyOf(memberIds));
        return id;
    }

    /** The direct conversation of {@code user} with the user named {@code to} ("relay-user-<id>"), made on first use. */
    private long direct(long user, String to) {
        long other = Long.parseLong(to.substring(to.lastIndexOf('-') + 1));
        String key = Math.min(user, other) + ":" + Math.max(user, other);
        return pairs.computeIfAbsent(key, k -> conversation(List.of(user, other)));
    }

    private void accepted(ServerWebSocket ws) {
        String auth = ws.headers().get("Authorization");
        long user = auth == null ? 0 : Long.parseLong(auth.substring(auth.lastIndexOf('-') + 1));
        sockets.computeIfAbsent(user, k -> ConcurrentHashMap.newKeySet()).add(ws);
        ws.closeHandler(v -> sockets.getOrDefault(user, Set.of()).remove(ws));
        ws.textMessageHandler(text -> received(ws, user, text));
        ws.writeTextMessage("{\"type\":\"hello\",\"userId\":" + user + "}");
    }

    private void received(ServerWebSocket ws, long user, String text) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        String type = frame.path("type").asText();
        if (type.equals("ping")) {
            ws.writeTextMessage("{\"type\":\"pong\",\"id\":" + JSON.valueToTree(frame.path("id").asText()) + "}");
        } else if (type.equals("send")) {
            send(ws, user, frame);
        }
    }

    private void send(ServerWebSocket origin, long user, JsonNode frame) {
        long conversation = frame.hasNonNull("to") ? direct(user, frame.path("to").asText())
                : frame.path("conversationId").asLong();
        List<Long> audience = members.get(conversation);
        if (audience == null) {
            origin.writeTextMessage("{\"type\":\"error\",\"id\":\"" + frame.path("id").asText() + "\",\"code\":\"conversation.not_found\"}");
            return;
        }
        long seq = seqs.computeIfAbsent(conversation, k -> new AtomicLong()).incrementAndGet();
        long id = ids.incrementAndGet();
        String now = Instant.now().toString();
        ObjectNode ack = JSON.createObjectNode().put("type", "ack").put("id", frame.path("id").asText());
        ack.putObject("ack").put("clientMessageId", frame.path("clientMessageId").asText()).put("messageId", id)
                .put("conversationId", conversation).put("seq", seq).put("sentAt", now);
        origin.writeTextMessage(ack.toString());
        ObjectNode push = JSON.createObjectNode().put("type", "message");
        push.putObject("message").put("id", id).put("conversationId", conversation).put("seq", seq)
                .put("senderId", user).put("clientMessageId", frame.path("clientMessageId").asText())
                .put("contentType", "text/plain").put("body", frame.path("body").asText()).put("sentAt", now);
        String text = push.toString();
        for (long member : audience) {
            for (ServerWebSocket s : sockets.getOrDefault(member, Set.of())) {
                if (s != origin) {
                    s.writeTextMessage(text);
                }
            }
        }
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}
