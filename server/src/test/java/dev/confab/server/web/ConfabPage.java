package dev.confab.server.web;

import java.util.List;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * What a person does in the web client, as steps on one {@link Browser}: the selectors in one place,
 * none of them depending on the language shown.
 */
final class ConfabPage {
    final Browser browser;
    final String username;
    final String password;

    ConfabPage(Browser browser, String username, String password) {
        this.browser = browser;
        this.username = username;
        this.password = password;
    }

    /** Registers through the form and waits for the signed-in shell with a live connection. */
    ConfabPage register() {
        browser.open("/#/register");
        browser.type("input[name=username]", username);
        browser.type("input[name=password]", password);
        browser.click("form.auth-form button[type=submit]");
        return awaitOnline();
    }

    ConfabPage login() {
        browser.open("/#/login");
        browser.type("input[name=username]", username);
        browser.type("input[name=password]", password);
        browser.click("form.auth-form button[type=submit]");
        return awaitOnline();
    }

    ConfabPage awaitOnline() {
        browser.find(".status[data-state=online]");
        return this;
    }

    void requestFriend(String other) {
        browser.go("#/contacts/find");
        browser.type("#find-people", other);
        browser.click("form.card button[type=submit]");
        browser.click(".results .person[data-username='" + other + "'] button.primary");
        browser.until(() -> browser.find(".results .person[data-username='" + other + "'] button.primary").getAttribute("disabled") != null);
    }

    void acceptFriend(String other) {
        browser.go("#/contacts/requests");
        browser.click(".incoming .person[data-username='" + other + "'] button.primary");
        browser.until(() -> !browser.has(".incoming .person[data-username='" + other + "']"));
    }

    /** Opens the chat with a friend from the friend list (a draft until the first message). */
    void openChatWith(String friend) {
        browser.go("#/contacts/friends");
        browser.click(".person[data-username='" + friend + "'] a.button.primary");
        browser.find(".composer-input");
    }

    void openConversation(String title) {
        browser.go("#/chats");
        browser.until(() -> {
            for (WebElement e : browser.all(".conv")) {
                if (e.findElement(org.openqa.selenium.By.cssSelector(".conv-title")).getText().equals(title)) {
                    e.click();
                    return true;
                }
            }
            return false;
        });
        browser.find(".composer-input");
    }

    void send(String text) {
        WebElement input = browser.find(".composer-input");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    /** The bodies of the messages shown in the open chat, in order (pending ones included). */
    List<String> bodies() {
        return browser.all(".log .msg .body").stream().map(WebElement::getText).toList();
    }

    /** Waits until the open chat shows a message with exactly this text. */
    void awaitMessage(String text) {
        browser.until(() -> bodies().contains(text));
    }

    /** Waits until the open chat shows at least one system notice (e.g. a new group's). */
    void awaitMessageSystem() {
        browser.find(".log .system");
    }

    /** The status ('sending', 'sent', 'delivered', 'read', 'failed') of my message with this text. */
    String statusOf(String text) {
        for (WebElement li : browser.all(".log .msg.mine")) {
            if (li.findElement(org.openqa.selenium.By.cssSelector(".body")).getText().equals(text)) {
                return li.getAttribute("data-status");
            }
        }
        return null;
    }
}
