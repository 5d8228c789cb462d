package dev.confab.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.server.testing.Backend;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.TestServer;
import dev.confab.server.testing.TestSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The language follows the browser at first and the switch at any time after, on every screen: in
 * Chinese no English word is left once the things people typed (names, titles, messages) are taken
 * out of the visible text and the labels read by screen readers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebLanguageTest {
    /** Visible text nodes, the selected option of each select, and placeholder, aria-label and title texts. */
    private static final String VISIBLE_TEXT = """
            const skip = arguments[0];
            const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
            const out = [document.title];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
              const node = walker.currentNode, parent = node.parentElement, text = node.textContent.trim();
              if (!text || !parent || parent.closest('noscript, script, style') || skip.some((s) => parent.closest(s))) continue;
              const option = parent.closest('option');
              if (option ? option.selected : shown(parent)) out.push(text);
            }
            for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
              if (!shown(el) || skip.some((s) => el.closest(s))) continue;
              for (const a of ['placeholder', 'aria-label', 'title']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
            }
            return out;
            """;
    /**
     * Not translation: device names (chosen by the browser at login) and decorative initials of names
     * (avatars, the logo), which are hidden from screen readers.
     */
    private static final List<String> SKIPPED = List.of(".session-main strong", "[aria-hidden=true]");

    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        // Typing notices shown for long enough that the typing test never races their expiry.
        server = TestServer.start(Backend.SQLITE, Files.createTempDirectory("confab-web-lang"),
                Map.of("typing.show-for", "10m"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aChineseBrowserGetsChineseFromTheStart() {
        try (Browser browser = Browser.start(server.baseUri().toString(), "zh-CN")) {
            browser.open("/");
            browser.find("form.auth-form");
            assertThat(browser.text("h1")).isEqualTo("登录 Confab");
            assertNoEnglish(browser, List.of());
            browser.go("#/register");
            browser.find("input[name=email]");
            assertNoEnglish(browser, List.of());
            browser.resize(Browser.PHONE);
            browser.screenshot("phone-register-zh");
        }
    }

    @Test
    void theSwitchChangesEveryStringOnEveryScreen() {
        String alice = WebClientTest.name("alice");
        String bob = WebClientTest.name("bob");
        String carol = WebClientTest.name("carol");
        HttpJson http = server.http();
        String a = http.registerAndLogin(alice, "password " + alice, "test").path("token").asText();
        String b = http.registerAndLogin(bob, "password " + bob, "test").path("token").asText();
        String c = http.registerAndLogin(carol, "password " + carol, "test").path("token").asText();
        JsonNode request = http.post("/api/v1/friend-requests", a, HttpJson.json("to", bob)).body();
        http.post("/api/v1/friend-requests/" + request.path("id").asLong() + "/accept", b, null);
        http.post("/api/v1/friend-requests", c, HttpJson.json("to", alice));
        http.post("/api/v1/messages", b, HttpJson.json("clientMessageId", "m1", "to", alice, "body", "Good morning"));
        long group = http.post("/api/v1/groups", a, HttpJson.json("title", "Readers", "memberIds", List.of(
                http.get("/api/v1/users/" + bob, a).body().path("id").asLong()))).body().path("id").asLong();
        String room = WebClientTest.name("room");
        http.post("/api/v1/rooms", a, HttpJson.json("alias", room, "title", "Lobby", "topic", "Say hi"));
        // What people typed, and the device name "test" the HTTP logins above chose (read in a button's label).
        List<String> typed = List.of(alice, bob, carol, "Good morning", "Readers", "Lobby", "Say hi", room, "test");

        try (Browser browser = Browser.start(server.baseUri().toString(), "en-US")) {
            ConfabPage page = new ConfabPage(browser, alice, "password " + alice).login();
            page.openConversation(bob);
            page.awaitMessage("Good morning");
            assertThat(browser.text(".composer .send")).isEqualTo("Send");
            browser.go("#/settings");
            browser.find("select.language");
            browser.js("const s = document.querySelector('select.language'); s.value = 'zh'; s.dispatchEvent(new Event('change'))");
            browser.until(() -> browser.text(".rail-item[href='#/chats'] .label").equals("聊天"));
            assertThat(browser.js("return document.documentElement.lang")).isEqualTo("zh-CN");

            for (String hash : List.of("#/settings", "#/chats", "#/contacts/friends", "#/contacts/requests",
                    "#/contacts/find", "#/contacts/blocked", "#/rooms", "#/groups/new", "#/chat/" + group + "/info",
                    "#/chat/" + group)) {
                browser.go(hash);
                browser.awaitLoaded(hash);
                assertNoEnglish(browser, typed);
            }
            page.openConversation(bob);
            page.awaitMessage("Good morning");
            assertThat(browser.text(".composer .send")).isEqualTo("发送");
            assertThat(browser.text(".log .day span")).isEqualTo("今天");
            assertNoEnglish(browser, typed);
            browser.screenshot("desktop-chat-zh");
            browser.resize(Browser.PHONE);
            browser.go("#/contacts/requests");
            browser.find(".incoming .person");
            browser.screenshot("phone-requests-zh");
            browser.resize(Browser.DESKTOP);

            browser.go("#/settings");
            browser.find("select.language");
            browser.js("const s = document.querySelector('select.language'); s.value = 'en'; s.dispatchEvent(new Event('change'))");
            browser.until(() -> browser.text(".rail-item[href='#/chats'] .label").equals("Chats"));
            browser.go("#/chats");
            browser.until(() -> browser.text(".list-pane h1").equals("Chats"));
            assertThat(browser.severeLogs()).isEmpty();
        }
    }

    @Test
    void theTypingLineNamesEveryoneInGoodGrammarInBothLanguages() {
        HttpJson http = server.http();
        String alice = WebClientTest.name("alice");
        String a = http.registerAndLogin(alice, "password " + alice, "test").path("token").asText();
        List<String> typists = List.of("bob", "carol", "dave", "erin").stream().map(WebClientTest::name).toList();
        List<String> tokens = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (String name : typists) {
            String token = http.registerAndLogin(name, "password " + name, "test").path("token").asText();
            JsonNode request = http.post("/api/v1/friend-requests", token, HttpJson.json("to", alice)).body();
            http.post("/api/v1/friend-requests/" + request.path("id").asLong() + "/accept", a, null);
            tokens.add(token);
            ids.add(http.get("/api/v1/users/" + name, a).body().path("id").asLong());
        }
        long group = http.post("/api/v1/groups", a, HttpJson.json("title", "Typists", "memberIds", ids)).body().path("id").asLong();
        String b = typists.get(0);
        String c = typists.get(1);
        String d = typists.get(2);
        List<String> english = List.of(b + " is typing…", b + " and " + c + " are typing…",
                b + ", " + c + " and " + d + " are typing…", b + ", " + c + " and 2 others are typing…");
        List<TestSocket> sockets = new ArrayList<>();
        try (Browser browser = Browser.start(server.baseUri().toString(), "en-US")) {
            ConfabPage page = new ConfabPage(browser, alice, "password " + alice).login();
            page.openConversation("Typists");
            for (int i = 0; i < typists.size(); i++) {
                TestSocket socket = TestSocket.connect(server.port(), tokens.get(i));
                sockets.add(socket);
                socket.awaitType("hello");
                socket.send(HttpJson.json("type", "typing", "id", "t" + i, "conversationId", group));
                String expected = english.get(i);
                browser.until(() -> browser.text(".typing").equals(expected));
            }
            browser.go("#/settings");
            browser.find("select.language");
            browser.js("const s = document.querySelector('select.language'); s.value = 'zh'; s.dispatchEvent(new Event('change'))");
            browser.until(() -> browser.text(".rail-item[href='#/chats'] .label").equals("聊天"));
            browser.go("#/chat/" + group);
            browser.until(() -> browser.text(".typing").equals(b + "、" + c + " 和另外 2 人正在输入…"));
            // The shorter forms, from the same formatter the page uses, now in Chinese.
            assertThat(browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import('/js/format.js').then((f) => done([f.typingText(['A']), f.typingText(['A', 'B']),
                      f.typingText(['A', 'B', 'C']), f.typingText([])]));
                    """)).isEqualTo(List.of("A 正在输入…", "A 和 B 正在输入…", "A、B 和 C 正在输入…", ""));
            assertThat(browser.severeLogs()).isEmpty();
        } finally {
            sockets.forEach(TestSocket::close);
        }
    }


    @SuppressWarnings("unchecked")
    private static void assertNoEnglish(Browser browser, List<String> typed) {
        List<String> texts = (List<String>) browser.js(VISIBLE_TEXT, SKIPPED);
        List<String> longestFirst = new ArrayList<>(typed);
        longestFirst.add("Confab");
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        List<String> english = new ArrayList<>();
        for (String text : texts) {
            String rest = text;
            for (String word : longestFirst) {
                rest = rest.replace(word, "");
            }
            if (rest.matches("(?s).*[A-Za-z].*")) {
                english.add(text);
            }
        }
        assertThat(english).as("English left on " + browser.driver().getCurrentUrl()).isEmpty();
    }
}
