package dev.confab.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.cli.testing.Cli;
import dev.confab.cli.testing.LocalServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code confab chat} on emulated terminals against an in-process server: alice and bob each
 * in their own chat, carol and dave acting through the scriptable commands. The steps build on each
 * other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatUiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    static LocalServer server;
    static ChatDriver alice;
    static ChatDriver bob;

    @BeforeAll
    static void start() throws Exception {
        server = LocalServer.start(Files.createDirectory(dir.resolve("server")));
        for (String name : new String[] {"alice", "bob", "carol", "dave"}) {
            assertThat(cli(name).run("register", name).exit()).isZero();
        }
        assertThat(cli("alice").run("friends", "add", "bob").exit()).isZero();
        assertThat(cli("bob").run("friends", "accept", "alice").exit()).isZero();
        assertThat(cli("carol").run("friends", "add", "alice", "hello from carol").exit()).isZero();
        assertThat(cli("dave").run("friends", "add", "alice").exit()).isZero();
        assertThat(cli("carol").run("rooms", "create", "book-talk", "--title", "Book talk").exit()).isZero();
    }

    @AfterAll
    static void stop() throws Exception {
        for (ChatDriver driver : new ChatDriver[] {alice, bob}) {
            if (driver != null) {
                driver.close();
            }
        }
        server.close();
    }

    private static Cli cli(String name) {
        return new Cli(dir.resolve(name), server.url()).with("CONFAB_PASSWORD", name + "'s password");
    }

    private static void see(ChatDriver driver, String text) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(driver.screen()).contains(text));
    }

    /** Waits until the events (newest first in the /events panel) include {@code text}. */
    private static void seeEvent(ChatDriver driver, String text) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            driver.enter("/events");
            assertThat(driver.screen()).contains(text);
        });
        driver.type("\u001b");
    }

    private static void see(ChatDriver driver, Predicate<String> condition, String what) {
        await().atMost(WAIT).alias(what).until(driver::screen, condition);
    }

    @Test
    @Order(1)
    void withoutASavedSessionTheChatAsksToLogInOrRegister() throws Exception {
        try (ChatDriver erin = new ChatDriver(dir.resolve("erin"), server.url(), "en", 80, 24)) {
            see(erin, "(l)og in or (r)egister?");
            erin.enter("r");
            see(erin, "Username:");
            erin.enter("erin");
            erin.enter("erin's password");
            erin.enter("erin's password");
            see(erin, "Confab · erin");
            erin.enter("/quit");
            assertThat(erin.exit().get(20, TimeUnit.SECONDS)).isZero();
        }
        assertThat(Files.exists(dir.resolve("erin").resolve("session.properties"))).isTrue();
    }

    @Test
    @Order(2)
    void aMessageIsSentReceivedAndMarkedRead() {
        alice = new ChatDriver(dir.resolve("alice"), server.url(), "en", 100, 30);
        bob = new ChatDriver(dir.resolve("bob"), server.url(), "en", 80, 24);
        see(alice, "[connected]");
        see(bob, "[connected]");
        alice.enter("/dm bob");
        see(alice, "@bob  online");
        alice.enter("hello bob");
        see(alice, "alice: hello bob [");
        see(bob, "@alice (1)");
        bob.type("\u000e"); // Ctrl-N opens the first conversation
        see(bob, "alice: hello bob");
        see(alice, "alice: hello bob [read]");
    }

    @Test
    @Order(3)
    void typingShowsAndArrivingMessagesLeaveTheInputAlone() {
        bob.type("hi alice");
        see(alice, "bob is typing…");
        assertThat(bob.inputRow()).startsWith("> hi alice");
        bob.type("\r");
        see(alice, "bob: hi alice");
        alice.type("draft in progress");
        bob.enter("more while you type");
        see(alice, "bob: more while you type");
        assertThat(alice.inputRow()).startsWith("> draft in progress");
        alice.type("\u0015"); // Ctrl-U clears the line
    }

    @Test
    @Order(4)
    void contactCommandsWork() {
        alice.enter("/help");
        see(alice, "/dm <user>");
        alice.type("\u001b");
        alice.enter("/friends");
        see(alice, "● bob");
        alice.enter("/requests");
        see(alice, s -> s.contains("from carol: hello from carol") && s.contains("from dave"), "requests panel");
        alice.enter("/accept carol");
        seeEvent(alice, "You and carol are friends now.");
        alice.enter("/decline dave");
        seeEvent(alice, "Declined the request from dave.");
        alice.enter("/add dave hi");
        seeEvent(alice, "Friend request sent to dave.");
        alice.enter("/block dave");
        seeEvent(alice, "Blocked dave.");
        alice.enter("/unblock dave");
        seeEvent(alice, "Unblocked dave.");
        alice.enter("/sessions");
        see(alice, "Your sessions (* this one)");
        alice.enter("/nonsense");
        seeEvent(alice, "Unknown command /nonsense; /help lists the commands.");
        alice.enter("/dm");
        seeEvent(alice, "Usage: /dm <user>");
        alice.type("/fri\t");
        see(alice, s -> alice.inputRow().startsWith("> /friends "), "completed /friends");
        alice.type("\u0015");
    }

    @Test
    @Order(5)
    void groupCommandsWork() {
        alice.enter("/group create \"Book club\" bob");
        see(alice, "Book club  group");
        see(alice, "* alice created the group \"Book club\" with bob");
        alice.enter("/invite carol");
        seeEvent(alice, "Invited carol.");
        alice.enter("/who");
        see(alice, s -> s.contains("Members of Book club") && s.contains("carol  MEMBER"), "member list");
        alice.type("\u001b");
        alice.enter("/kick carol");
        seeEvent(alice, "Removed carol.");
        alice.enter("/history");
        alice.enter("/disband");
        seeEvent(alice, "Disbanded; the history stays readable.");
        see(bob, "Book club");
    }

    @Test
    @Order(6)
    void roomCommandsWork() {
        alice.enter("/rooms");
        see(alice, "#book-talk  Book talk");
        alice.enter("/join book-talk");
        seeEvent(alice, "You joined #book-talk");
        see(alice, "* alice joined");
        alice.enter("hello room");
        see(alice, "alice: hello room [");
        alice.enter("/leave");
        seeEvent(alice, "You left #Book talk");
    }

    @Test
    @Order(7)
    void theScreenFollowsResizes() {
        alice.enter("/dm bob");
        see(alice, "@bob  online");
        alice.resize(64, 20);
        see(alice, s -> s.split("\n").length == 20 && s.contains("Conversations") && s.contains("bob: hi alice"),
                "64 columns with the list");
        alice.resize(40, 16);
        see(alice, s -> !s.contains("Conversations") && s.contains("@bob"), "40 columns without the list");
        alice.resize(100, 30);
        see(alice, "Conversations");
    }

    @Test
    @Order(8)
    void sendsQueueWhileTheServerIsDownAndTheViewResyncsAfterARestart() {
        server.stop();
        seeEvent(alice, "disconnected; reconnecting");
        alice.enter("queued while down");
        see(alice, "alice: queued while down [sending]");
        server.startAgain();
        seeEvent(alice, "reconnected; caught up");
        see(alice, s -> s.contains("alice: queued while down [") && !s.contains("down [sending]"),
                "acknowledged after the restart");
        see(bob, "alice: queued while down");
        assertThat(bob.screen().split("queued while down", -1)).hasSize(2);
        assertThat(alice.screen().split("alice: hello bob", -1)).hasSize(2);
    }

    /**
     * Last of the screen checks, because the test emulator counts every character as one column: once a
     * row holds wide characters, its idea of the cursor differs from the chat's (and a real terminal's).
     */
    @Test
    @Order(9)
    void wideCharactersArriveWhole() {
        bob.enter("你好 alice, 再见");
        see(alice, "bob: 你好 alice, 再见");
    }

    @Test
    @Order(10)
    void logoutEndsTheSessionAndQuitLeaves() throws Exception {
        bob.enter("/quit");
        assertThat(bob.exit().get(20, TimeUnit.SECONDS)).isZero();
        alice.enter("/logout");
        assertThat(alice.exit().get(20, TimeUnit.SECONDS)).isZero();
        assertThat(Files.exists(dir.resolve("alice").resolve("session.properties"))).isFalse();
    }
}
