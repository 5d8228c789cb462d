package dev.confab.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.cli.client.ExitCodes;
import dev.confab.cli.client.Texts;
import dev.confab.cli.testing.Cli;
import dev.confab.cli.testing.LocalServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat's account commands against a real server: ending other sessions, and remarks for friends. */
class ChatAccountTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;

    static LocalServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LocalServer.start(Files.createDirectory(dir.resolve("server")));
        for (String name : new String[] {"alice", "bob", "carol"}) {
            assertThat(cli(name).run("register", name).exit()).isZero();
        }
        assertThat(cli("alice").run("friends", "add", "bob").exit()).isZero();
        assertThat(cli("bob").run("friends", "accept", "alice").exit()).isZero();
        assertThat(cli("bob").run("send", "--to", "alice", "hi alice").exit()).isZero();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Cli cli(String home) {
        String user = home.replaceFirst("-.*", "");
        return new Cli(dir.resolve(home), server.url()).with("CONFAB_PASSWORD", user + "'s password");
    }

    private static void seeEvent(HeadlessChat chat, String text) {
        await().atMost(WAIT).alias(text).until(() -> {
            synchronized (chat.state) {
                return chat.state.events.stream().anyMatch(e -> e.contains(text));
            }
        });
    }

    private static void seePanel(HeadlessChat chat, String text) {
        await().atMost(WAIT).alias(text).until(() -> {
            synchronized (chat.state) {
                return chat.state.panel != null && chat.state.panel.lines().stream().anyMatch(l -> l.contains(text));
            }
        });
    }

    @Test
    void otherSessionsCanBeListedAndEnded() {
        for (String device : new String[] {"phone", "tablet"}) {
            assertThat(cli("alice-" + device).run("login", "alice", "--device-name", device).exit()).isZero();
        }
        try (HeadlessChat alice = new HeadlessChat(dir.resolve("alice"))) {
            await().atMost(WAIT).until(alice::connected);
            alice.actions.submit("/sessions end 1");
            seeEvent(alice, "List your sessions with /sessions first.");

            alice.actions.submit("/sessions");
            seePanel(alice, "/sessions end others");
            int phone = number(alice, "phone");
            int current = number(alice, "* ");
            assertThat(alice.state.panel.lines()).filteredOn(l -> l.matches("[* ] \\d+ .*")).hasSize(3);

            alice.actions.submit("/sessions end " + current);
            seeEvent(alice, "That is this session; /logout ends it.");
            alice.actions.submit("/sessions end 9");
            seeEvent(alice, "There is no session 9 in the list");
            alice.actions.submit("/sessions finish 1");
            seeEvent(alice, "Usage: /sessions [end <n>|end others]");

            alice.actions.submit("/sessions end " + phone);
            seeEvent(alice, "Ended the session on phone.");
            assertThat(cli("alice-phone").run("friends").exit()).isEqualTo(ExitCodes.AUTH);
            assertThat(cli("alice-tablet").run("friends").exit()).isZero();

            alice.actions.submit("/sessions end others");
            seeEvent(alice, "Ended 1 other session(s).");
            assertThat(cli("alice-tablet").run("friends").exit()).isEqualTo(ExitCodes.AUTH);
            assertThat(cli("alice").run("friends").exit()).isZero();
        }
    }

    @Test
    void aRemarkShowsBesideTheFriendInTheConversationList() {
        try (HeadlessChat alice = new HeadlessChat(dir.resolve("alice"))) {
            await().atMost(WAIT).until(alice::connected);
            alice.actions.submit("/remark bob Bobby 鲍勃");
            seeEvent(alice, "Your remark for bob: Bobby 鲍勃");
            await().atMost(WAIT).until(() -> screen(alice).contains("@bob (Bobby 鲍勃)"));
            String friends = cli("alice").run("friends", "--json").out();
            assertThat(friends).contains("\"remark\":\"Bobby 鲍勃\"");

            alice.actions.submit("/remark @bob");
            seeEvent(alice, "Removed your remark for bob.");
            await().atMost(WAIT).until(() -> !screen(alice).contains("Bobby"));
            assertThat(screen(alice)).containsPattern("[○●]@bob \\(1\\) +\\|"); // the unread count only

            alice.actions.submit("/remark carol Caz");
            seeEvent(alice, "This person is not in your friend list.");
        }
        // a remark made elsewhere reaches a running chat through the account's events
        try (HeadlessChat alice = new HeadlessChat(dir.resolve("alice"))) {
            await().atMost(WAIT).until(alice::connected);
            HeadlessChat other = new HeadlessChat(dir.resolve("alice"));
            try (other) {
                other.actions.submit("/remark bob B.");
                await().atMost(WAIT).until(() -> screen(alice).contains("@bob (B.)"));
            }
        }
    }

    /** The number the sessions panel gives the first session whose line contains {@code text}. */
    private static int number(HeadlessChat chat, String text) {
        synchronized (chat.state) {
            for (String line : chat.state.panel.lines()) {
                if (line.matches("[* ] \\d+ .*") && line.contains(text)) {
                    return Integer.parseInt(line.substring(2).split(" ")[0]);
                }
            }
        }
        throw new AssertionError("no session line with " + text);
    }

    private static String screen(HeadlessChat chat) {
        ChatRenderer.Frame frame = new ChatRenderer(Texts.english(), ZoneOffset.UTC).render(chat.state, new InputLine(), 100, 12);
        return String.join("\n", frame.rows().stream().map(AttributedString::toString).toList());
    }
}
