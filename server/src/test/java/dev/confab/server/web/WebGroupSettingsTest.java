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
 * A group's and a room's settings and the ownership, from the details page: the owner renames the
 * group, describes it, lets every member invite and gives newcomers the last messages; a refused
 * value is explained; the ownership goes to another member; a room gets a topic; a plain member
 * reads the settings but gets no form. Each change is checked on the server too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebGroupSettingsTest {
    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(Backend.SQLITE, Files.createTempDirectory("confab-web-groups"), Map.of());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theOwnerEditsTheSettingsAndHandsOverTheOwnership() {
        HttpJson http = server.http();
        String alice = WebClientTest.name("alice");
        String bob = WebClientTest.name("bob");
        String a = http.registerAndLogin(alice, "password " + alice, "test").path("token").asText();
        String b = http.registerAndLogin(bob, "password " + bob, "test").path("token").asText();
        JsonNode request = http.post("/api/v1/friend-requests", b, HttpJson.json("to", alice)).body();
        http.post("/api/v1/friend-requests/" + request.path("id").asLong() + "/accept", a, null);
        long bobId = http.get("/api/v1/users/" + bob, a).body().path("id").asLong();
        long group = http.post("/api/v1/groups", a, HttpJson.json("title", "Book club", "memberIds", List.of(bobId)))
                .body().path("id").asLong();
        String alias = WebClientTest.name("hall");
        long room = http.post("/api/v1/rooms", a, HttpJson.json("alias", alias, "title", "Hall")).body().path("id").asLong();
        String bobsAlias = WebClientTest.name("porch");
        long bobsRoom = http.post("/api/v1/rooms", b, HttpJson.json("alias", bobsAlias, "title", "Porch")).body().path("id").asLong();
        assertThat(http.post("/api/v1/rooms/" + bobsAlias + "/join", a, null).status()).isEqualTo(200);

        try (Browser browser = Browser.start(server.baseUri().toString(), "en-US")) {
            new ConfabPage(browser, alice, "password " + alice).login();
            browser.go("#/chat/" + group + "/info");
            browser.find(".settings-form");
            assertThat(browser.text(".summary-policy")).isEqualTo("Who may invite: the owner and admins");
            assertThat(browser.text(".summary-history")).isEqualTo("People who join read: only what is written after they join");

            // A value the server refuses is explained in words, and nothing changes.
            choose(browser, "#settings-history", "LAST_N");
            browser.type("input[name=historyLastN]", "0");
            browser.click(".settings-form button[type=submit]");
            browser.until(() -> browser.text(".settings-form p.error").equals("A name, description or limit is missing, too long or out of range."));
            assertThat(details(a, group).path("history").asText()).isEqualTo("FROM_JOIN");

            browser.type(".settings-form input[name=title]", "Book club 2027");
            browser.type(".settings-form textarea[name=description]", "Monthly reads");
            choose(browser, "#settings-invitePolicy", "MEMBERS");
            browser.type("input[name=historyLastN]", "5");
            browser.click(".settings-form button[type=submit]");
            browser.until(() -> browser.text(".settings-form p.ok").equals("Settings saved."));
            assertThat(browser.text(".info-title")).isEqualTo("Book club 2027");
            assertThat(browser.text(".info-description")).isEqualTo("Monthly reads");
            assertThat(browser.text(".summary-policy")).isEqualTo("Who may invite: every member");
            assertThat(browser.text(".summary-history"))
                    .isEqualTo("People who join read: the last 5 messages before they joined, and everything after");
            JsonNode edited = details(b, group);
            assertThat(edited.path("title").asText()).isEqualTo("Book club 2027");
            assertThat(edited.path("description").asText()).isEqualTo("Monthly reads");
            assertThat(edited.path("invitePolicy").asText()).isEqualTo("MEMBERS");
            assertThat(edited.path("history").asText()).isEqualTo("LAST_N");
            assertThat(edited.path("historyLastN").asInt()).isEqualTo(5);
            browser.screenshot("desktop-group-settings");

            // Saving again without a change sends nothing.
            browser.click(".settings-form button[type=submit]");
            browser.until(() -> browser.text(".settings-form p.ok").startsWith("Nothing to save"));

            // The chat shows the notice; the list has the new name.
            browser.go("#/chat/" + group);
            browser.until(() -> browser.all(".log .system").stream().anyMatch(e -> e.getText().equals(alice + " changed the settings")));
            browser.go("#/chats");
            browser.until(() -> browser.all(".conv .conv-title").stream().anyMatch(e -> e.getText().equals("Book club 2027")));

            // The ownership goes to Bob after a second click; Alice stays as an admin who may still edit.
            browser.go("#/chat/" + group + "/info");
            String makeOwner = ".members .person[data-username='" + bob + "'] button.danger";
            browser.clickText(makeOwner, "Make owner");
            browser.clickText(makeOwner, "Click again to hand over the ownership");
            browser.until(() -> browser.text(".members .person[data-username='" + bob + "'] .person-sub").endsWith("Owner"));
            assertThat(browser.text(".info-head")).contains("You are Admin");
            assertThat(details(b, group).path("myRole").asText()).isEqualTo("OWNER");
            assertThat(details(a, group).path("myRole").asText()).isEqualTo("ADMIN");
            assertThat(browser.has(".settings-form")).isTrue();
            assertThat(browser.all(".danger-zone button").stream().map(e -> e.getText()).toList()).containsExactly("Leave");

            // A room: a topic instead of a description, no invite policy.
            browser.go("#/chat/" + room + "/info");
            browser.find(".settings-form");
            assertThat(browser.has("#settings-invitePolicy")).isFalse();
            browser.type(".settings-form textarea[name=topic]", "Say hello");
            browser.click(".settings-form button[type=submit]");
            browser.until(() -> browser.text(".settings-form p.ok").equals("Settings saved."));
            assertThat(browser.text(".info-topic")).isEqualTo("Say hello");
            assertThat(details(a, room).path("topic").asText()).isEqualTo("Say hello");

            // In Bob's room Alice is a plain member: she reads the settings, and has no form.
            browser.go("#/chat/" + bobsRoom + "/info");
            browser.find(".summary-history");
            assertThat(browser.text(".summary-history")).isEqualTo("People who join read: the whole history");
            assertThat(browser.has(".settings-form")).isFalse();
            assertThat(browser.severeLogs()).isEmpty();
        }
    }

    /** Picks an option as a person would: the value changes and the page hears "change". */
    private static void choose(Browser browser, String css, String value) {
        browser.js("const s = arguments[0]; s.value = arguments[1]; s.dispatchEvent(new Event('change'))",
                browser.find(css), value);
    }

    private JsonNode details(String token, long id) {
        return server.http().get("/api/v1/conversations/" + id, token).body();
    }
}
