package dev.confab.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The machine's baseline: a WebSocket relay with the same frames and JSON work as Confab's hot path
 * (hello, send → ack + message push to the other members, ping) but no authentication check, no
 * storage and no durability. What a scenario achieves here is what the machine and the load generator
 * can do; Confab's figures are reported as a ratio to it.
 */
final class BareRelay implements AutoCloseable {
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
                .webSocketHandler(this::accepted);
        server.listen().await();
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
