package dev.confab.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.testing.Backend;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The web client in real headless Chromium against a real server: two people in two separate browsers
 * register, become friends, chat (ticks, typing, unread), make a group and meet in a room. Screenshots
 * at desktop and phone width are saved under target/web-screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebClientTest {
    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory("confab-web");
        server = TestServer.start(Backend.SQLITE, dir, Map.of("contacts.direct-messages", "friends-only"));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String name(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void twoPeopleBefriendChatMakeAGroupAndMeetInARoom() {
        String base = server.baseUri().toString();
        try (Browser one = Browser.start(base, "en-US"); Browser two = Browser.start(base, "en-US")) {
            ConfabPage alice = new ConfabPage(one, name("alice"), "alice password 1").register();
            ConfabPage bob = new ConfabPage(two, name("bob"), "bob password 1").register();

            alice.requestFriend(bob.username);
            two.find(".rail-item .badge");
            bob.acceptFriend(alice.username);
            alice.browser.go("#/contacts/friends");
            one.find(".person[data-username='" + bob.username + "']");

            alice.openChatWith(bob.username);
            alice.send("Hello Bob!");
            one.until(() -> one.driver().getCurrentUrl().matches(".*#/chat/\\d+$"));
            one.until(() -> "sent".equals(alice.statusOf("Hello Bob!")) || "delivered".equals(alice.statusOf("Hello Bob!")));

            two.go("#/chats");
            two.until(() -> two.text(".conv .conv-preview").contains("Hello Bob!"));
            assertThat(two.text(".conv .badge.unread")).isEqualTo("1");
            bob.openConversation(alice.username);
            bob.awaitMessage("Hello Bob!");
            one.until(() -> "read".equals(alice.statusOf("Hello Bob!")));

            two.find(".composer-input").sendKeys("typing…");
            one.until(() -> !one.text(".typing").isEmpty());
            two.find(".composer-input").clear();
            bob.send("Hi Alice, welcome.");
            alice.awaitMessage("Hi Alice, welcome.");
            assertThat(alice.bodies()).containsExactly("Hello Bob!", "Hi Alice, welcome.");

            one.screenshot("desktop-chat");
            two.resize(Browser.PHONE);
            two.screenshot("phone-chat");
            two.go("#/chats");
            two.find(".conv");
            two.screenshot("phone-chats");
            two.resize(Browser.DESKTOP);

            one.go("#/groups/new");
            one.type("input[name=title]", "Book club");
            one.clickText(".check label", bob.username);
            one.click("form.card button[type=submit]");
            alice.awaitMessageSystem();
            alice.send("Welcome to the book club");
            bob.openConversation("Book club");
            bob.awaitMessage("Welcome to the book club");
            one.go(one.driver().getCurrentUrl().replaceAll(".*#", "#") + "/info");
            one.find(".members .person[data-username='" + bob.username + "']");
            one.screenshot("desktop-group-info");

            String room = name("room");
            one.go("#/rooms");
            one.type("input[name=alias]", room);
            one.type("input[name=title]", "Readers");
            one.click("section.page form.card:last-of-type button[type=submit]");
            one.until(() -> one.driver().getCurrentUrl().matches(".*#/chat/\\d+$"));
            two.go("#/rooms");
            two.type("input[name=room]", "no-such-room");
            two.click("section.page form.card button[type=submit]");
            two.until(() -> two.text("p.error").contains("no room"));
            two.type("input[name=room]", room);
            two.click("section.page form.card button[type=submit]");
            two.until(() -> two.driver().getCurrentUrl().matches(".*#/chat/\\d+$"));
            bob.send("Hello readers");
            alice.awaitMessage("Hello readers");
            two.screenshot("desktop-room");

            assertThat(one.severeLogs()).isEmpty();
            assertThat(two.severeLogs()).isEmpty();
        }
    }

    @Test
    void twoTabsOfOneBrowserStayConsistent() {
        String bob = name("bob");
        var b = server.http().registerAndLogin(bob, "bob password 2", "test");
        String base = server.baseUri().toString();
        try (Browser browser = Browser.start(base, "en-US")) {
            ConfabPage alice = new ConfabPage(browser, name("alice"), "alice password 2").register();
            String first = browser.driver().getWindowHandle();
            var request = server.http().post("/api/v1/friend-requests", b.path("token").asText(), HttpJson.json("to", alice.username));
            assertThat(request.status()).isEqualTo(201);
            browser.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            browser.open("/#/contacts/requests");
            alice.awaitOnline();
            alice.acceptFriend(bob);
            server.http().post("/api/v1/messages", b.path("token").asText(),
                    HttpJson.json("clientMessageId", "t1", "to", alice.username, "body", "Seen in both tabs?"));
            browser.driver().switchTo().window(first);
            browser.go("#/chats");
            browser.until(() -> browser.text(".conv .badge.unread").equals("1"));
            browser.driver().switchTo().window(browser.driver().getWindowHandles().stream()
                    .filter(h -> !h.equals(first)).findFirst().orElseThrow());
            alice.openConversation(bob);
            alice.awaitMessage("Seen in both tabs?");
            alice.send("Yes, in both");
            String second = browser.driver().getWindowHandle();
            browser.driver().switchTo().window(first);
            browser.until(() -> !browser.has(".conv .badge.unread"));
            alice.openConversation(bob);
            alice.awaitMessage("Yes, in both");
            assertThat(alice.bodies()).containsExactly("Seen in both tabs?", "Yes, in both");

            browser.go("#/settings");
            browser.click("button.sign-out");
            browser.find("form.auth-form");
            browser.driver().switchTo().window(second);
            browser.find("form.auth-form");
            assertThat(browser.severeLogs()).isEmpty();
        }
    }

    @Test
    void aFullRoomAndAMissingRoomAreExplainedInWords() {
        String owner = name("owner");
        var login = server.http().registerAndLogin(owner, "owner password", "d1");
        String token = login.path("token").asText();
        String alias = name("tiny");
        var created = server.http().post("/api/v1/rooms", token, HttpJson.json("alias", alias, "title", "Tiny", "capacity", 2));
        assertThat(created.status()).isEqualTo(201);
        String base = server.baseUri().toString();
        try (Browser one = Browser.start(base, "en-US")) {
            new ConfabPage(one, name("carol"), "carol password").register();
            one.go("#/rooms");
            one.find(".room[data-alias='" + alias + "']");
            one.click(".room[data-alias='" + alias + "'] button");
            one.until(() -> one.driver().getCurrentUrl().matches(".*#/chat/\\d+$"));
        }
        try (Browser two = Browser.start(base, "en-US")) {
            new ConfabPage(two, name("dave"), "dave password").register();
            two.go("#/rooms");
            two.type("input[name=room]", alias);
            two.click("section.page form.card button[type=submit]");
            two.until(() -> two.text("p.error").equals("That room is full. Try again later, or pick another room."));
            two.screenshot("desktop-room-full");
        }
    }
}
