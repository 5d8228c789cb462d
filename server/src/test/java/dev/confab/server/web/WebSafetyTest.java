package dev.confab.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.server.testing.Backend;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.TestServer;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Messages made to look like markup or script are shown as the text they are and run nothing; links
 * are made only for http, https and mailto; the page cannot read its own session token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebSafetyTest {
    static final List<String> PAYLOADS = List.of(
            "<img src=x onerror=\"window.__xss='img'\">",
            "<script>window.__xss='script'</script>",
            "<svg onload=\"window.__xss='svg'\"><circle r=9></circle></svg>",
            "javascript:window.__xss='js'",
            "<a href=\"javascript:window.__xss='a'\">click me</a>",
            "\"><iframe src=\"javascript:window.__xss='iframe'\"></iframe>",
            "http://example.org/\"><img src=x onerror=window.__xss='link'>",
            "[click](javascript:window.__xss='md') data:text/html,<script>window.__xss='data'</script>",
            "<style>body{display:none}</style>&lt;b&gt;bold&lt;/b&gt;",
            "{{constructor.constructor('window.__xss=1')()}} ${alert(1)}");

    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(Backend.SQLITE, Files.createTempDirectory("confab-web-xss"), Map.of());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void markupAndScriptInMessagesRenderAsTextAndRunNothing() {
        String alice = WebClientTest.name("alice");
        String bob = WebClientTest.name("bob");
        HttpJson http = server.http();
        String a = http.registerAndLogin(alice, "password " + alice, "test").path("token").asText();
        String b = http.registerAndLogin(bob, "password " + bob, "test").path("token").asText();
        JsonNode request = http.post("/api/v1/friend-requests", a, HttpJson.json("to", bob)).body();
        http.post("/api/v1/friend-requests/" + request.path("id").asLong() + "/accept", b, null);
        String base = server.baseUri().toString();
        try (Browser one = Browser.start(base, "en-US"); Browser two = Browser.start(base, "en-US")) {
            ConfabPage sender = new ConfabPage(one, alice, "password " + alice).login();
            ConfabPage reader = new ConfabPage(two, bob, "password " + bob).login();
            sender.openChatWith(bob);
            sender.send(PAYLOADS.getFirst());
            one.until(() -> one.driver().getCurrentUrl().matches(".*#/chat/\\d+$"));
            for (String payload : PAYLOADS.subList(1, PAYLOADS.size())) {
                sender.send(payload);
            }
            reader.openConversation(alice);
            two.until(() -> reader.bodies().size() == PAYLOADS.size());
            one.until(() -> sender.bodies().size() == PAYLOADS.size() && !one.has(".msg[data-pending]"));

            for (Browser browser : List.of(one, two)) {
                ConfabPage page = browser == one ? sender : reader;
                assertThat(page.bodies()).containsExactlyElementsOf(PAYLOADS);
                assertThat(browser.js("return window.__xss === undefined")).isEqualTo(true);
                assertThat(browser.all(".log img, .log script, .log svg, .log iframe, .log style, .log b")).isEmpty();
                assertThat(browser.js("return [...document.querySelectorAll('a[href]')].map(a => a.protocol)"
                        + ".every(p => ['http:', 'https:', 'mailto:'].includes(p))")).isEqualTo(true);
                assertThat(browser.js("return document.querySelectorAll('.log a[href]').length")).isEqualTo(1L);
                assertThat(browser.js("return document.querySelector('.log a[href]').href")).isEqualTo("http://example.org/");
                assertThat(browser.js("return document.cookie")).isEqualTo("");
                assertThat(browser.severeLogs()).isEmpty();
            }
            two.go("#/chats");
            two.until(() -> two.text(".conv .conv-preview").equals(PAYLOADS.getLast()));
            two.screenshot("desktop-xss");
        }
    }
}
