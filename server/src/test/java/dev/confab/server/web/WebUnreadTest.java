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
 * Unread counts follow the server, also for a conversation whose messages the page never loaded: when
 * another device of the same person reads part of it, the page cannot count what is left from what it
 * holds, so it takes the number from the server's conversation list instead of keeping a stale one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUnreadTest {
    /** More than the page preloads (PRELOAD_CONVERSATIONS in web/js/sync.js), so the oldest stays unloaded. */
    private static final int NEWER_GROUPS = 31;

    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(Backend.SQLITE, Files.createTempDirectory("confab-web-unread"), Map.of());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void readingOnAnotherDeviceUpdatesCountsOfLoadedAndUnloadedConversations() {
        HttpJson http = server.http();
        String alice = WebClientTest.name("alice");
        String bob = WebClientTest.name("bob");
        String a = http.registerAndLogin(alice, "password " + alice, "phone").path("token").asText();
        String b = http.registerAndLogin(bob, "password " + bob, "test").path("token").asText();
        JsonNode request = http.post("/api/v1/friend-requests", b, HttpJson.json("to", alice)).body();
        http.post("/api/v1/friend-requests/" + request.path("id").asLong() + "/accept", a, null);
        long direct = 0;
        for (String body : List.of("one", "two", "three")) {
            direct = http.post("/api/v1/messages", b, HttpJson.json("clientMessageId", body, "to", alice, "body", body))
                    .body().path("conversationId").asLong();
        }
        long bobId = http.get("/api/v1/users/" + bob, a).body().path("id").asLong();
        long newest = 0;
        for (int i = 1; i <= NEWER_GROUPS; i++) {
            newest = http.post("/api/v1/groups", a, HttpJson.json("title", "Group " + i, "memberIds", List.of(bobId)))
                    .body().path("id").asLong();
        }

        try (Browser browser = Browser.start(server.baseUri().toString(), "en-US")) {
            new ConfabPage(browser, alice, "password " + alice).login();
            browser.go("#/chats");
            String directBadge = ".conv[data-conversation='" + direct + "'] .badge.unread";
            browser.until(() -> browser.text(directBadge).equals("3"));

            // Alice's phone reads "one": two are left, which only the server can tell this page.
            read(a, direct, 1);
            browser.until(() -> browser.text(directBadge).equals("2"));
            assertThat(browser.text(".rail-item[href='#/chats'] .badge")).isEqualTo("2");
            http.post("/api/v1/messages", b, HttpJson.json("clientMessageId", "four", "conversationId", direct, "body", "four"));
            browser.until(() -> browser.text(directBadge).equals("3"));
            read(a, direct, 4);
            browser.until(() -> !browser.has(directBadge));

            // The newest group is loaded: the count left after a partial read is counted on the page.
            String groupBadge = ".conv[data-conversation='" + newest + "'] .badge.unread";
            for (String body : List.of("g1", "g2", "g3")) {
                http.post("/api/v1/messages", b, HttpJson.json("clientMessageId", body, "conversationId", newest, "body", body));
            }
            browser.until(() -> browser.text(groupBadge).equals("3"));
            long firstOfThem = http.get("/api/v1/conversations", a).body().path("conversations").get(0).path("lastSeq").asLong() - 2;
            read(a, newest, firstOfThem);
            browser.until(() -> browser.text(groupBadge).equals("2"));
            assertThat(unreadOnServer(a, newest)).isEqualTo(2);
            assertThat(browser.severeLogs()).isEmpty();
        }
    }

    private void read(String token, long conversation, long seq) {
        assertThat(server.http().post("/api/v1/conversations/" + conversation + "/read", token, HttpJson.json("seq", seq))
                .status()).isEqualTo(204);
    }

    private int unreadOnServer(String token, long conversation) {
        for (JsonNode c : server.http().get("/api/v1/conversations", token).body().path("conversations")) {
            if (c.path("id").asLong() == conversation) {
                return c.path("unread").asInt();
            }
        }
        throw new AssertionError("no conversation " + conversation);
    }
}
