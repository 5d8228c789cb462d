package dev.confab.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.server.testing.Backend;
import dev.confab.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client installs as an app: the manifest is served as a manifest and has what browsers need, the
 * service worker takes control of the page, and Chromium finds nothing that stops installation. (That
 * the page then opens without the server is WebResilienceTest's reload while the server is down.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebInstallTest {
    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(Backend.SQLITE, Files.createTempDirectory("confab-web-install"), Map.of());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theManifestIsServedAsAManifestWithNameIconsStartUrlAndDisplay() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.baseUri().resolve("/manifest.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/manifest+json"));
        JsonNode manifest = new ObjectMapper().readTree(response.body());
        assertThat(manifest.path("name").asText()).isEqualTo("Confab");
        assertThat(manifest.path("short_name").asText()).isNotBlank();
        assertThat(manifest.path("start_url").asText()).isEqualTo("/");
        assertThat(manifest.path("display").asText()).isEqualTo("standalone");
        assertThat(manifest.path("icons").size()).isGreaterThanOrEqualTo(2);
        for (JsonNode icon : manifest.path("icons")) {
            assertThat(icon.path("sizes").asText()).as(icon.toString()).isNotBlank();
            assertThat(icon.path("type").asText()).as(icon.toString()).isNotBlank();
            HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.baseUri().resolve(URI.create(icon.path("src").asText()))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).as(icon.toString()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type")).as(icon.toString())
                    .hasValueSatisfying(type -> assertThat(type).startsWith(icon.path("type").asText()));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServiceWorkerControlsThePageAfterAReloadAndChromiumCanInstallIt() {
        try (Browser browser = Browser.start(server.baseUri().toString(), "en-US")) {
            browser.open("/");
            browser.find("form.auth-form");
            assertThat(browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    navigator.serviceWorker.ready.then((r) => done(r.active.scriptURL), (e) => done(String(e)));
                    """)).asString().endsWith("/sw.js");
            browser.driver().navigate().refresh();
            browser.find("form.auth-form");
            assertThat(browser.js("return navigator.serviceWorker.controller && navigator.serviceWorker.controller.scriptURL"))
                    .asString().endsWith("/sw.js");

            Map<String, Object> manifest = browser.driver().executeCdpCommand("Page.getAppManifest", Map.of());
            assertThat((String) manifest.get("url")).endsWith("/manifest.json");
            assertThat((String) manifest.get("data")).contains("\"name\": \"Confab\"");
            assertThat((List<Object>) manifest.get("errors")).isEmpty();
            assertThat(installabilityErrors(browser)).isEmpty();
            assertThat(browser.severeLogs()).isEmpty();

            // The check is real: a page of the same origin without a manifest is not installable.
            browser.open("/icons/icon.svg");
            assertThat(installabilityErrors(browser)).isNotEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> installabilityErrors(Browser browser) {
        return (List<Object>) browser.driver().executeCdpCommand("Page.getInstallabilityErrors", Map.of())
                .get("installabilityErrors");
    }
}
