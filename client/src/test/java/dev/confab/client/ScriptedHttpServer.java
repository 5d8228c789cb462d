package dev.confab.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A JDK HTTP server the test scripts: it records every request and answers each with the next queued
 * reply (500 when none is queued). Calls are blocking, so a request is recorded before its call returns.
 */
final class ScriptedHttpServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Seen(String method, String pathAndQuery, String authorization, String contentType, String body) {
    }

    /** What the server answers next. */
    record Reply(int status, String body) {
    }

    final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final HttpServer server;

    ScriptedHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Queues the answer to a later request; a null body sends none. */
    void reply(int status, String body) {
        replies.add(new Reply(status, body));
    }

    /** The oldest request not yet taken, or null. */
    Seen next() {
        return seen.poll();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        seen.add(new Seen(exchange.getRequestMethod(),
                uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Reply reply = replies.poll();
        byte[] body = reply == null || reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
        int status = reply == null ? 500 : reply.status();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
