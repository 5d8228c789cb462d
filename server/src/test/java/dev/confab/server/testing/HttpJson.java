package dev.confab.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A bare JSON-over-HTTP client for tests that check the wire exactly (status codes, error bodies). */
public final class HttpJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final URI base;
    private final HttpClient client = HttpClient.newHttpClient();

    public HttpJson(URI base) {
        this.base = base;
    }

    /** A response: status and parsed JSON body (null when empty or not JSON). */
    public record Response(int status, JsonNode body, String text) {
        public String errorCode() {
            return body == null ? null : body.path("error").path("code").asText(null);
        }
    }

    public Response get(String path, String token) {
        return send(builder(path, token).GET());
    }

    public Response delete(String path, String token) {
        return send(builder(path, token).DELETE());
    }

    public Response patch(String path, String token, String json) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    public Response put(String path, String token, String json) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    public Response post(String path, String token, String json) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    /** Registers and logs in; returns the login response body (token, session, account). */
    public JsonNode registerAndLogin(String username, String password, String deviceId) {
        Response r = post("/api/v1/accounts", null, json("username", username, "password", password));
        if (r.status() != 201) {
            throw new IllegalStateException("register failed: " + r.text());
        }
        return login(username, password, deviceId);
    }

    public JsonNode login(String username, String password, String deviceId) {
        Response r = post("/api/v1/sessions", null, json("username", username, "password", password, "deviceId", deviceId));
        if (r.status() != 201) {
            throw new IllegalStateException("login failed: " + r.text());
        }
        return r.body();
    }

    /** A JSON object from alternating names and values (values are strings, numbers, booleans or null). */
    public static String json(Object... namesAndValues) {
        var node = MAPPER.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], MAPPER.valueToTree(namesAndValues[i + 1]));
        }
        return node.toString();
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = r.body().isEmpty() ? null : MAPPER.readTree(r.body());
            } catch (IOException notJson) {
                body = null;
            }
            return new Response(r.statusCode(), body, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
