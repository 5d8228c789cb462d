package dev.confab.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.server.testing.Backend;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server restarts in the middle of a conversation: the pages show that they are offline, keep what
 * is written meanwhile (sending), reconnect by themselves when the server is back, send it once with
 * the same client message ids, and both people end up with every message exactly once, in order. A
 * reload while the server is down still shows the history (service worker + IndexedDB).
 */
class WebResilienceTest {
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRestartMidConversationLosesAndDoublesNothing() throws Exception {
        Path dir = Files.createTempDirectory("confab-web-restart");
        server = TestServer.start(Backend.SQLITE, dir, Map.of());
        int port = server.port();
        String alice = WebClientTest.name("alice");
        String bob = WebClientTest.name("bob");
        String aliceToken = befriend(alice, bob);
        String base = server.baseUri().toString();
        try (Browser one = Browser.start(base, "en-US"); Browser two = Browser.start(base, "en-US")) {
            ConfabPage a = new ConfabPage(one, alice, "password " + alice).login();
            ConfabPage b = new ConfabPage(two, bob, "password " + bob).login();
            a.openChatWith(bob);
            a.send("before 1");
            one.until(() -> one.driver().getCurrentUrl().matches(".*#/chat/\\d+$"));
            b.openConversation(alice);
            b.awaitMessage("before 1");
            b.send("before 2");
            a.awaitMessage("before 2");

            server.close();
            server = null;
            one.find(".status[data-state=offline]");
            two.find(".status[data-state=offline]");
            a.send("during 1");
            a.send("during 2");
            one.until(() -> "sending".equals(a.statusOf("during 2")));
            assertThat(a.statusOf("during 1")).isEqualTo("sending");
            one.screenshot("desktop-offline");

            // A reload with the server down: the service worker serves the app shell, IndexedDB the chat.
            two.driver().navigate().refresh();
            two.until(() -> b.bodies().containsAll(List.of("before 1", "before 2")));
            assertThat(two.js("return navigator.serviceWorker.controller.scriptURL")).asString().endsWith("/sw.js");
            assertThat(two.has("nav.rail")).isTrue();
            two.find(".status[data-state=offline]");
            two.go("#/chats");
            two.until(() -> two.text(".conv .conv-title").equals(alice) && two.text(".conv .conv-preview").equals("You: before 2"));
            two.screenshot("desktop-offline-reload");
            b.openConversation(alice);

            server = TestServer.start(Backend.SQLITE, dir, Map.of("server.port", String.valueOf(port)));
            // Either page may reconnect by itself (backoff) or be told to now, as a person would.
            one.until(() -> retryNow(one));
            two.until(() -> retryNow(two));
            one.until(() -> "sent".equals(a.statusOf("during 2")) || "delivered".equals(a.statusOf("during 2"))
                    || "read".equals(a.statusOf("during 2")));
            b.awaitMessage("during 2");
            b.send("after");
            a.awaitMessage("after");

            List<String> expected = List.of("before 1", "before 2", "during 1", "during 2", "after");
            one.until(() -> a.bodies().equals(expected));
            two.until(() -> b.bodies().equals(expected));
            assertThat(storedBodies(aliceToken)).containsExactlyElementsOf(expected);
            assertThat(one.severeLogs()).isEmpty();
        }
    }

    /** Clicks "Retry now" if it is shown; true once the page is connected. */
    private static boolean retryNow(Browser browser) {
        for (var button : browser.all(".status[data-state=offline] button.link")) {
            try {
                button.click();
            } catch (org.openqa.selenium.WebDriverException gone) {
                // the banner changed under the click: the page is connecting already
            }
        }
        return browser.has(".status[data-state=online]");
    }

    /** Registers both, makes them friends over HTTP; returns Alice's bearer token (another device). */
    private String befriend(String alice, String bob) {
        HttpJson http = server.http();
        String a = http.registerAndLogin(alice, "password " + alice, "test").path("token").asText();
        String b = http.registerAndLogin(bob, "password " + bob, "test").path("token").asText();
        JsonNode request = http.post("/api/v1/friend-requests", a, HttpJson.json("to", bob)).body();
        assertThat(http.post("/api/v1/friend-requests/" + request.path("id").asLong() + "/accept", b, null).status())
                .isEqualTo(200);
        return a;
    }

    private List<String> storedBodies(String token) {
        JsonNode list = server.http().get("/api/v1/conversations", token).body();
        long id = list.path("conversations").get(0).path("id").asLong();
        List<String> out = new ArrayList<>();
        for (JsonNode m : server.http().get("/api/v1/conversations/" + id + "/messages?after=0", token).body().path("messages")) {
            out.add(m.path("body").asText());
        }
        return out;
    }
}
