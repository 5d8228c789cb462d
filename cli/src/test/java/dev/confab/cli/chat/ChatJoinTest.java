package dev.confab.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.cli.client.SavedSession;
import dev.confab.cli.testing.Cli;
import dev.confab.cli.testing.LocalServer;
import dev.confab.client.ConfabHttpClient;
import dev.confab.protocol.request.SendRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joining a room with more history than one page: the chat shows its newest page and loads older pages
 * only when scrolled back; the connection never fetches the history the user did not ask for.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatJoinTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** More than two pages of history. */
    private static final int HISTORY = ChatSession.PAGE * 2 + 30;

    @TempDir
    static Path dir;

    static LocalServer server;
    static long room;

    @BeforeAll
    static void start() throws Exception {
        server = LocalServer.start(Files.createDirectory(dir.resolve("server")));
        for (String name : new String[] {"alice", "bob"}) {
            assertThat(cli(name).run("register", name).exit()).isZero();
        }
        assertThat(cli("bob").run("rooms", "create", "big-room", "--title", "Big room").exit()).isZero();
        SavedSession bob = SavedSession.load(dir.resolve("bob"));
        ConfabHttpClient http = new ConfabHttpClient(URI.create(bob.server()), bob.token());
        room = http.groups().joinRoom("big-room").id();
        for (int i = 1; i <= HISTORY; i++) {
            http.send(new SendRequest("old-" + i, room, null, null, "old message " + i));
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
    @Order(1)
    void joiningABigRoomLoadsTheNewestPageAndOlderPagesOnScrollBack() {
        HeadlessChat[] chat = new HeadlessChat[1];
        // the worst order: the push of the join reaches the chat before the answer to the join does
        HeldAnswers joinAnsweredLate = new HeldAnswers(request -> request.uri().getPath().endsWith("/join"),
                () -> chat[0].delivered(room) > 0);
        try (HeadlessChat alice = new HeadlessChat(dir.resolve("alice"), joinAnsweredLate)) {
            chat[0] = alice;
            await().atMost(WAIT).until(alice::connected);
            alice.actions.submit("/join big-room");
            await().atMost(WAIT).until(() -> {
                synchronized (alice.state) {
                    ChatConversation c = alice.state.current();
                    return c != null && c.loaded && c.messages.containsKey(c.lastSeq)
                            && alice.session.connection().deliveredSeq(c.id) >= c.lastSeq;
                }
            });
            ChatConversation room = alice.state.current();
            long lastSeq;
            synchronized (alice.state) {
                lastSeq = room.lastSeq;
                assertThat(lastSeq).isGreaterThan(HISTORY);
                assertThat(room.messages.size()).isBetween(ChatSession.PAGE, ChatSession.PAGE + 1);
                assertThat(room.messages.firstKey()).isGreaterThan(lastSeq - ChatSession.PAGE - 1);
                assertThat(room.hasOlder()).isTrue();
            }
            assertThat(alice.delivered(room.id)).as("messages the connection fetched").isLessThanOrEqualTo(2);

            alice.session.loadOlder();
            await().atMost(WAIT).until(() -> {
                synchronized (alice.state) {
                    return room.messages.size() >= 2 * ChatSession.PAGE;
                }
            });
            synchronized (alice.state) {
                assertThat(room.messages.firstKey()).isGreaterThan(lastSeq - 2 * ChatSession.PAGE - 1);
                assertThat(room.messages.size()).isLessThanOrEqualTo(2 * ChatSession.PAGE + 1);
            }
            assertThat(alice.delivered(room.id)).isLessThanOrEqualTo(2);
        }
    }

    /** Started while the server is down, the chat connects once it has the conversation list, and not before. */
    @Test
    @Order(2)
    void aChatStartedWhileTheServerIsDownFetchesNoHistoryWhenItComesBack() {
        server.stop();
        try (HeadlessChat alice = new HeadlessChat(dir.resolve("alice"))) {
            await().atMost(WAIT).until(() -> {
                synchronized (alice.state) {
                    return alice.state.events.stream().anyMatch(e -> e.contains("reach"));
                }
            });
            server.startAgain();
            await().atMost(WAIT).until(alice::connected);
            assertThat(cli("bob").run("send", "--to", "#big-room", "after the restart").exit()).isZero();
            await().atMost(WAIT).until(() -> alice.delivered(room) > 0);
            synchronized (alice.state) {
                assertThat(alice.state.conversations.get(room).messages.values())
                        .anyMatch(m -> m.body().equals("after the restart"));
            }
            // delivery is in seq order: a catch-up from the start would have come before the new message
            assertThat(alice.delivered(room)).isEqualTo(1);
        }
    }
}
