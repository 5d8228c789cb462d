package dev.confab.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.cli.client.SavedSession;
import dev.confab.cli.client.Texts;
import dev.confab.cli.testing.Cli;
import dev.confab.cli.testing.LocalServer;
import dev.confab.client.ConfabHttpClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marks on own messages in a group, from live receipts: "delivered to N" once members' chats
 * confirm receiving, "read by N" once members read.
 */
class ChatReceiptsTest {
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
        for (String friend : new String[] {"bob", "carol"}) {
            assertThat(cli("alice").run("friends", "add", friend).exit()).isZero();
            assertThat(cli(friend).run("friends", "accept", "alice").exit()).isZero();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Cli cli(String name) {
        return new Cli(dir.resolve(name), server.url()).with("CONFAB_PASSWORD", name + "'s password");
    }

    @Test
    void ownGroupMessagesCountWhoReceivedAndWhoReadThem() {
        try (HeadlessChat alice = new HeadlessChat(dir.resolve("alice"));
                HeadlessChat carol = new HeadlessChat(dir.resolve("carol"))) {
            await().atMost(WAIT).until(() -> alice.connected() && carol.connected());
            alice.actions.submit("/group create \"Book club\" bob carol");
            see(alice, "created the group");
            alice.actions.submit("hello club");
            // carol's chat holds the message without showing it: it confirms receiving it
            see(alice, "alice: hello club [delivered to 1]");

            long group = alice.state.current().id;
            long seq = alice.state.current().lastSeq;
            SavedSession bob = SavedSession.load(dir.resolve("bob"));
            new ConfabHttpClient(URI.create(bob.server()), bob.token()).markRead(group, seq);
            see(alice, "alice: hello club [read by 1]");

            carol.session.open(group);
            see(alice, "alice: hello club [read by 2]");
        }
    }

    private static void see(HeadlessChat chat, String text) {
        await().atMost(WAIT).alias(text).until(() -> {
            ChatRenderer.Frame frame = new ChatRenderer(Texts.english(), ZoneOffset.UTC)
                    .render(chat.state, new InputLine(), 100, 20);
            return frame.rows().stream().map(AttributedString::toString).anyMatch(row -> row.contains(text));
        });
    }
}
