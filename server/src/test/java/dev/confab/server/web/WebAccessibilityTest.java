package dev.confab.server.web;

import static dev.confab.server.web.PageChecks.assertFocusVisible;
import static dev.confab.server.web.PageChecks.focusedMatches;
import static dev.confab.server.web.PageChecks.press;
import static dev.confab.server.web.PageChecks.tabTo;
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
import org.openqa.selenium.Keys;

/**
 * The web client for people who use a keyboard, a screen reader or a phone: the main flows by
 * keyboard alone with the focus always visible; every control named; the landmarks and the live
 * regions that announce new messages and the connection state; no sideways scrolling at 390 px.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAccessibilityTest {
    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(Backend.SQLITE, Files.createTempDirectory("confab-web-a11y"), Map.of());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** Alice with a friend (Carol) who wrote to her, a request from Bob, a group and a room. */
    private record People(String alice, String bob, String carol, String carolToken, long direct, long group) {
    }

    private People people() {
        HttpJson http = server.http();
        String alice = WebClientTest.name("alice");
        String bob = WebClientTest.name("bob");
        String carol = WebClientTest.name("carol");
        String a = http.registerAndLogin(alice, "password " + alice, "test").path("token").asText();
        String b = http.registerAndLogin(bob, "password " + bob, "test").path("token").asText();
        String c = http.registerAndLogin(carol, "password " + carol, "test").path("token").asText();
        JsonNode request = http.post("/api/v1/friend-requests", c, HttpJson.json("to", alice)).body();
        assertThat(http.post("/api/v1/friend-requests/" + request.path("id").asLong() + "/accept", a, null).status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/friend-requests", b, HttpJson.json("to", alice)).status()).isEqualTo(201);
        long direct = http.post("/api/v1/messages", c, HttpJson.json("clientMessageId", "k1", "to", alice,
                "body", "Hi Alice")).body().path("conversationId").asLong();
        long carolId = http.get("/api/v1/users/" + carol, a).body().path("id").asLong();
        long group = http.post("/api/v1/groups", a, HttpJson.json("title", "Readers", "memberIds", List.of(carolId)))
                .body().path("id").asLong();
        http.post("/api/v1/rooms", a, HttpJson.json("alias", WebClientTest.name("lobby"), "title", "Lobby"));
        return new People(alice, bob, carol, c, direct, group);
    }

    @Test
    void signInChatAcceptAndSettingsWorkByKeyboardAloneWithTheFocusAlwaysVisible() {
        People p = people();
        try (Browser browser = Browser.start(server.baseUri().toString(), "en-US")) {
            browser.open("/#/login");
            browser.find("form.auth-form");
            browser.until(() -> focusedMatches(browser, "input[name=username]"));
            press(browser, p.alice());
            press(browser, Keys.TAB);
            assertThat(focusedMatches(browser, "input[name=password]")).isTrue();
            press(browser, "password " + p.alice(), Keys.ENTER);
            new ConfabPage(browser, p.alice(), "").awaitOnline();

            // Open the chat with Carol from the list, answer, and go back to the list with Escape.
            tabTo(browser, ".conv[data-conversation='" + p.direct() + "']", false);
            press(browser, Keys.ENTER);
            browser.until(() -> focusedMatches(browser, ".composer-input"));
            assertFocusVisible(browser);
            press(browser, "Typed without a mouse", Keys.ENTER);
            new ConfabPage(browser, p.alice(), "").awaitMessage("Typed without a mouse");
            browser.screenshot("desktop-keyboard-chat");
            press(browser, Keys.ESCAPE);
            browser.until(() -> browser.driver().getCurrentUrl().endsWith("#/chats"));
            browser.until(() -> focusedMatches(browser, ".conv[data-conversation='" + p.direct() + "']"));
            assertFocusVisible(browser);

            // Contacts, the requests tab, accept Bob.
            tabTo(browser, ".rail-item[href='#/contacts']", true);
            press(browser, Keys.ENTER);
            browser.until(() -> browser.driver().getCurrentUrl().endsWith("#/contacts"));
            tabTo(browser, ".tab[href='#/contacts/requests']", false);
            press(browser, Keys.ENTER);
            browser.until(() -> focusedMatches(browser, ".tab[href='#/contacts/requests']"));
            String accept = ".incoming .person[data-username='" + p.bob() + "'] button.primary";
            tabTo(browser, accept, false);
            browser.screenshot("desktop-keyboard-accept");
            press(browser, Keys.ENTER);
            browser.until(() -> !browser.has(accept));
            // The accepted request is gone: the focus goes to the page's heading, not to nowhere.
            browser.until(() -> focusedMatches(browser, "main h1"));
            assertFocusVisible(browser);
            assertThat(server.http().get("/api/v1/friends", server.http().login(p.alice(), "password " + p.alice(), "t2")
                    .path("token").asText()).text()).contains(p.bob());

            // Settings: every control on the way to "Sign out" shows where the focus is, both ways.
            tabTo(browser, ".rail-item[href='#/settings']", true);
            press(browser, Keys.ENTER);
            browser.until(() -> browser.text("main h1").equals("Settings"));
            browser.find(".sessions .session");
            tabTo(browser, "button.sign-out", false);
            browser.screenshot("desktop-keyboard-settings");
            tabTo(browser, "select.language", true);

            // The skip link is the first stop and moves the focus to the content without changing the page.
            browser.go("#/rooms");
            browser.driver().navigate().refresh();
            browser.find(".status[data-state=online]");
            press(browser, Keys.TAB);
            assertThat(focusedMatches(browser, "a.skip")).isTrue();
            assertFocusVisible(browser);
            press(browser, Keys.ENTER);
            assertThat(focusedMatches(browser, "main")).isTrue();
            press(browser, Keys.TAB);
            assertThat(browser.js("return document.querySelector('main').contains(document.activeElement)")).isEqualTo(true);
            assertThat(browser.driver().getCurrentUrl()).endsWith("#/rooms");
            assertThat(browser.severeLogs()).isEmpty();
        }
    }

    @Test
    void everyControlIsNamedAndNewMessagesAndTheConnectionAreAnnounced() {
        People p = people();
        try (Browser browser = Browser.start(server.baseUri().toString(), "en-US")) {
            for (String hash : List.of("#/login", "#/register")) {
                browser.open("/" + hash);
                browser.find("form.auth-form");
                assertThat(PageChecks.unnamedControls(browser)).as(hash).isEmpty();
            }
            new ConfabPage(browser, p.alice(), "password " + p.alice()).login();
            for (String hash : screens(p)) {
                browser.go(hash);
                browser.awaitLoaded(hash);
                assertThat(PageChecks.unnamedControls(browser)).as(hash).isEmpty();
                assertThat(browser.all("nav.rail[aria-label]")).as(hash).hasSize(1);
                assertThat(browser.all("nav:not([aria-label])")).as(hash).isEmpty();
                assertThat(browser.all("main")).as(hash).hasSize(1);
            }

            assertThat(browser.find(".status[role=status]").getAttribute("aria-live")).isEqualTo("polite");
            assertThat(browser.text(".status")).isEqualTo("Connected");
            String announcer = ".announcer[role=status][aria-live=polite]";
            browser.go("#/chat/" + p.direct());
            assertThat(browser.find("[role=log]").getAttribute("aria-label")).isEqualTo("Messages");
            server.http().post("/api/v1/messages", p.carolToken(), HttpJson.json("clientMessageId", "k2",
                    "conversationId", p.direct(), "body", "Are you there?"));
            browser.until(() -> browser.find(announcer).getAttribute("textContent").equals(p.carol() + ": Are you there?"));
            server.http().post("/api/v1/messages", p.carolToken(), HttpJson.json("clientMessageId", "k3",
                    "conversationId", p.group(), "body", "Meeting at six"));
            browser.until(() -> browser.find(announcer).getAttribute("textContent")
                    .equals("New message from " + p.carol() + " in Readers"));
            assertThat(browser.severeLogs()).isEmpty();
        }
    }

    @Test
    void nothingScrollsSidewaysAtPhoneWidth() {
        People p = people();
        try (Browser browser = Browser.start(server.baseUri().toString(), "en-US")) {
            browser.resize(Browser.PHONE);
            for (String hash : List.of("#/login", "#/register")) {
                browser.open("/" + hash);
                browser.find("form.auth-form");
                assertThat(PageChecks.sideways(browser)).as(hash).isEmpty();
            }
            new ConfabPage(browser, p.alice(), "password " + p.alice()).login();
            List<String> screens = screens(p);
            for (int i = 0; i < screens.size(); i++) {
                String hash = screens.get(i);
                browser.go(hash);
                browser.awaitLoaded(hash);
                assertThat(PageChecks.sideways(browser)).as(hash).isEmpty();
                browser.screenshot("phone-width-" + i + hash.replaceAll("[^a-z]+", "-").replaceAll("-$", ""));
            }
        }
    }

    private static List<String> screens(People p) {
        return List.of("#/chats", "#/chat/" + p.direct(), "#/chat/" + p.group(), "#/chat/" + p.group() + "/info",
                "#/contacts/friends", "#/contacts/requests", "#/contacts/find", "#/contacts/blocked", "#/groups/new",
                "#/rooms", "#/settings");
    }
}
