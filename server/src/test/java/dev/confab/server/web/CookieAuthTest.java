package dev.confab.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.server.testing.Backend;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.TestServer;
import dev.confab.server.testing.TestSocket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The browser's credential over plain HTTP: a login that asks for it sets an HttpOnly, SameSite=Strict
 * cookie and keeps the token out of the body; REST and the WebSocket accept the cookie; requests that
 * change something with it need the server's own Origin (CSRF); logout clears it; bearer tokens work
 * exactly as before, and win over a cookie.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CookieAuthTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private TestServer server;
    private Path dir;

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("confab-cookie");
        server = TestServer.start(Backend.SQLITE, dir, Map.of());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    private HttpResponse<String> call(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Registers a user and logs in with useCookie from the server's own origin; returns the cookie pair. */
    private String cookieLogin(String name) throws Exception {
        server.http().post("/api/v1/accounts", null, HttpJson.json("username", name, "password", "long password " + name));
        HttpResponse<String> r = call("POST", "/api/v1/sessions", HttpJson.json("username", name,
                "password", "long password " + name, "deviceId", "web-1", "useCookie", true),
                Map.of("Origin", origin(), "Content-Type", "application/json"));
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(MAPPER.readTree(r.body()).has("token")).as("token stays out of the body").isFalse();
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("confab_session=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/").contains("Max-Age=");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static String name() {
        return "web" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void cookieSessionWorksForReadsAndSameOriginWrites() throws Exception {
        String cookie = cookieLogin(name());
        assertThat(call("GET", "/api/v1/me", null, Map.of("Cookie", cookie)).statusCode()).isEqualTo(200);
        HttpResponse<String> patch = call("PATCH", "/api/v1/me", "{\"displayName\":\"Web\"}",
                Map.of("Cookie", cookie, "Origin", origin()));
        assertThat(patch.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(patch.body()).path("displayName").asText()).isEqualTo("Web");
    }

    @Test
    void cookieWritesWithoutOwnOriginAreRefused() throws Exception {
        String cookie = cookieLogin(name());
        for (Map<String, String> headers : java.util.List.of(Map.of("Cookie", cookie),
                Map.of("Cookie", cookie, "Origin", "http://evil.example"), Map.of("Cookie", cookie, "Origin", "null"))) {
            HttpResponse<String> r = call("PATCH", "/api/v1/me", "{\"displayName\":\"Evil\"}", headers);
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(MAPPER.readTree(r.body()).path("error").path("code").asText()).isEqualTo("auth.forbidden_origin");
        }
        JsonNode me = MAPPER.readTree(call("GET", "/api/v1/me", null, Map.of("Cookie", cookie)).body());
        assertThat(me.has("displayName")).isFalse();
    }

    @Test
    void cookieLoginFromAForeignOriginIsRefused() throws Exception {
        String n = name();
        server.http().post("/api/v1/accounts", null, HttpJson.json("username", n, "password", "long password " + n));
        HttpResponse<String> r = call("POST", "/api/v1/sessions", HttpJson.json("username", n, "password", "long password " + n,
                "useCookie", true), Map.of("Origin", "http://evil.example"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void bearerTokensWorkAsBeforeAndWinOverACookie() throws Exception {
        String cookieUser = cookieLogin(name());
        String n = name();
        JsonNode login = server.http().registerAndLogin(n, "long password " + n, "d1");
        assertThat(login.path("token").asText()).hasSize(43);
        HttpResponse<String> me = call("GET", "/api/v1/me", null,
                Map.of("Authorization", "Bearer " + login.path("token").asText(), "Cookie", cookieUser));
        assertThat(MAPPER.readTree(me.body()).path("username").asText()).isEqualTo(n);
        // A bearer client needs no Origin for writes, and a malformed Authorization header is not rescued by the cookie.
        assertThat(call("PATCH", "/api/v1/me", "{\"displayName\":\"B\"}",
                Map.of("Authorization", "Bearer " + login.path("token").asText())).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/me", null, Map.of("Authorization", "Basic abc", "Cookie", cookieUser)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void logoutClearsTheCookieAndEndsTheSession() throws Exception {
        String cookie = cookieLogin(name());
        HttpResponse<String> out = call("DELETE", "/api/v1/sessions/current", null, Map.of("Cookie", cookie, "Origin", origin()));
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("confab_session=;").contains("Max-Age=0");
        assertThat(call("GET", "/api/v1/me", null, Map.of("Cookie", cookie)).statusCode()).isEqualTo(401);
    }

    @Test
    void webSocketAcceptsTheCookieFromTheOwnOriginOnly() throws Exception {
        String cookie = cookieLogin(name());
        Map<String, String> own = new HashMap<>(Map.of("Cookie", cookie, "Origin", origin()));
        try (TestSocket socket = TestSocket.connect(server.port(), own, "")) {
            assertThat(socket.awaitType("hello").path("deviceId").asText()).isEqualTo("web-1");
        }
        assertThat(TestSocket.upgradeStatus(server.port(), Map.of("Cookie", cookie, "Origin", "http://evil.example"), ""))
                .isEqualTo(403);
        assertThat(TestSocket.upgradeStatus(server.port(), Map.of("Origin", origin()), "")).isEqualTo(401);
    }

    @Test
    void theWebClientIsServedWithStrictSecurityHeaders() throws Exception {
        HttpResponse<String> index = call("GET", "/", null, Map.of());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(index.body()).contains("<script type=\"module\" src=\"/js/main.js\"></script>").doesNotContain("onclick");
        assertThat(index.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(index.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(index.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(index.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(call("HEAD", "/js/app.js", null, Map.of()).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/i18n/zh.json", null, Map.of()).headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/json");
        HttpResponse<String> api = call("GET", "/api/v1/nothing-here", null, Map.of());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("\"not_found\"");
        assertThat(api.headers().firstValue("Content-Security-Policy")).isPresent();
    }
}
