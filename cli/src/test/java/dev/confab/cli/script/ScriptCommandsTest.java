package dev.confab.cli.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.cli.client.ExitCodes;
import dev.confab.cli.testing.Cli;
import dev.confab.cli.testing.LocalServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two people use Confab only through the scriptable commands: register, befriend, chat, make a group,
 * join a room, watch, log out. Exit codes are checked for every run and --json output is parsed.
 * The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScriptCommandsTest {
    @TempDir
    static Path dir;

    static LocalServer server;
    static Cli alice;
    static Cli bob;

    @BeforeAll
    static void start() throws Exception {
        server = LocalServer.start(Files.createDirectory(dir.resolve("server")));
        alice = new Cli(dir.resolve("alice"), server.url()).with("CONFAB_PASSWORD", "alice's password");
        bob = new Cli(dir.resolve("bob"), server.url());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Cli.Result ok(Cli.Result result) {
        assertThat(result.exit()).as(result.toString()).isZero();
        return result;
    }

    @Test
    @Order(1)
    void registerLogsInAndKeepsTheTokenPrivate() throws Exception {
        JsonNode a = ok(alice.run("register", "alice", "--json")).json();
        assertThat(a.path("loggedIn").asBoolean()).isTrue();
        assertThat(a.path("userId").asLong()).isPositive();
        JsonNode b = ok(bob.runWithInput("bob's password\n", "register", "bob", "--password-stdin", "--json")).json();
        assertThat(b.path("username").asText()).isEqualTo("bob");

        Path token = alice.home().resolve("session.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
        assertThat(Files.readString(token)).contains("token=");
        assertThat(alice.run("register", "alice").exit()).isEqualTo(ExitCodes.REFUSED);
    }

    @Test
    @Order(2)
    void loginChecksThePasswordAndSavesTheSession() {
        Cli.Result wrong = bob.runWithInput("not bob's password\n", "login", "bob", "--password-stdin");
        assertThat(wrong.exit()).isEqualTo(ExitCodes.AUTH);
        assertThat(wrong.err()).isEqualTo("confab: Username or password is wrong.\n");
        JsonNode login = ok(bob.runWithInput("bob's password\n", "login", "bob", "--password-stdin", "--json")).json();
        assertThat(login.path("server").asText()).isEqualTo(server.url());
        assertThat(login.path("sessionId").asText()).isNotBlank();
    }

    @Test
    @Order(3)
    void strangersCannotChatUntilTheyAreFriends() {
        Cli.Result refused = alice.run("send", "--to", "bob", "hello?");
        assertThat(refused.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.err()).startsWith("confab: Direct messages go to friends only");

        JsonNode request = ok(alice.run("friends", "add", "bob", "hi", "bob,", "it's", "alice", "--json")).json();
        assertThat(request.path("request").path("status").asText()).isEqualTo("PENDING");
        JsonNode requests = ok(bob.run("friends", "requests", "--json")).json();
        assertThat(requests.path("incoming").get(0).path("from").path("username").asText()).isEqualTo("alice");
        assertThat(requests.path("incoming").get(0).path("message").asText()).isEqualTo("hi bob, it's alice");
        ok(bob.run("friends", "accept", "alice"));

        JsonNode friends = ok(alice.run("friends", "--json")).json();
        assertThat(friends.path("friends").get(0).path("username").asText()).isEqualTo("bob");
        assertThat(ok(bob.run("friends", "list")).out()).startsWith("alice");
        assertThat(bob.run("friends", "accept", "alice").exit()).isEqualTo(ExitCodes.REFUSED);
    }

    @Test
    @Order(4)
    void aMessageSentIsInTheOthersHistory() {
        JsonNode ack = ok(alice.run("send", "--to", "bob", "hello", "bob", "--json")).json();
        assertThat(ack.path("seq").asLong()).isEqualTo(1);
        ok(bob.runWithInput("hi alice 你好 👋\n", "send", "--to", "@alice"));

        JsonNode history = ok(bob.run("history", "alice", "--json")).json();
        List<String> texts = new ArrayList<>();
        history.path("messages").forEach(m -> texts.add(m.path("sender").asText() + ": " + m.path("text").asText()));
        assertThat(texts).containsExactly("alice: hello bob", "bob: hi alice 你好 👋");
        assertThat(ok(alice.run("history", "bob")).out()).contains("] alice: hello bob\n").contains("] bob: hi alice 你好 👋\n");
    }

    @Test
    @Order(5)
    void watchPrintsMessagesAsTheyArrive() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Cli.Result> watch = CompletableFuture.supplyAsync(
                () -> bob.runWith("", out, "watch", "--json", "--count", "1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString(StandardCharsets.UTF_8).contains("CONNECTED"));
        ok(alice.run("send", "--to", "bob", "are you there?"));
        Cli.Result result = watch.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(result.exit()).as(result.toString()).isZero();
        String[] lines = result.out().split("\n");
        JsonNode message = new Cli.Result(0, lines[lines.length - 1], "").json();
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("sender").asText()).isEqualTo("alice");
        assertThat(message.path("conversation").asText()).isEqualTo("@alice");
        assertThat(message.path("message").path("body").asText()).isEqualTo("are you there?");
        assertThat(result.out()).doesNotContain("hello bob").doesNotContain("\"type\":\"event\"");
    }

    @Test
    @Order(6)
    void aGroupIsMadeOfFriendsAndNamedByTitle() {
        JsonNode group = ok(alice.run("group", "create", "Book club", "bob", "--json")).json();
        assertThat(group.path("kind").asText()).isEqualTo("GROUP");
        ok(alice.run("send", "--to", "group:Book club", "welcome"));
        JsonNode history = ok(bob.run("history", "group:book club", "--json")).json();
        JsonNode messages = history.path("messages");
        assertThat(messages.get(0).path("text").asText()).isEqualTo("alice created the group \"Book club\" with bob");
        assertThat(messages.get(1).path("text").asText()).isEqualTo("welcome");
        assertThat(ok(bob.run("group", "--json")).json().path("groups").get(0).path("title").asText())
                .isEqualTo("Book club");
        assertThat(ok(bob.run("group", "members", "Book club")).out()).contains("alice  OWNER").contains("bob  MEMBER");
        ok(bob.run("group", "leave", "Book club"));
        assertThat(bob.run("history", "group:Book club").exit()).isEqualTo(ExitCodes.REFUSED);
    }

    @Test
    @Order(7)
    void roomsAreFoundJoinedAndLeft() {
        ok(alice.run("rooms", "create", "book-talk", "--title", "Book talk"));
        JsonNode directory = ok(bob.run("rooms", "list", "book", "--json")).json();
        assertThat(directory.path("rooms").get(0).path("alias").asText()).isEqualTo("book-talk");
        ok(bob.run("rooms", "join", "#book-talk"));
        ok(bob.run("send", "--to", "#book-talk", "hello room"));
        JsonNode history = ok(alice.run("history", "room:book-talk", "--json")).json();
        assertThat(history.path("messages").findValuesAsText("text")).contains("bob joined", "hello room");
        ok(bob.run("rooms", "leave", "book-talk"));
        assertThat(bob.run("rooms", "join", "no-such-room").exit()).isEqualTo(ExitCodes.REFUSED);
    }

    @Test
    @Order(8)
    void usageAndServerErrorsHaveTheirOwnExitCodes() {
        assertThat(alice.run("send", "hello").exit()).isEqualTo(ExitCodes.USAGE);
        Cli.Result unreachable = alice.run("friends", "--server", "http://127.0.0.1:1");
        assertThat(unreachable.exit()).isEqualTo(ExitCodes.AUTH); // the session belongs to another server
        Cli.Result down = new Cli(dir.resolve("carol"), "http://127.0.0.1:1").with("CONFAB_PASSWORD", "whatever1")
                .run("login", "carol");
        assertThat(down.exit()).as(down.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(down.err()).isEqualTo("confab: Cannot reach the server (or it did not answer in time).\n");
        Cli.Result chinese = alice.run("history", "nobody", "--lang", "zh");
        assertThat(chinese.exit()).isEqualTo(ExitCodes.REFUSED);
        assertThat(chinese.err()).isEqualTo("confab: 你和 nobody 还没有会话。\n");
        assertThat(alice.run("history", "alice", "--lang", "fr").exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(ok(alice.run("send", "--help")).out()).contains("--to");
    }

    @Test
    @Order(9)
    void logoutEndsTheSession() {
        ok(alice.run("logout"));
        assertThat(Files.exists(alice.home().resolve("session.properties"))).isFalse();
        Cli.Result after = alice.run("send", "--to", "bob", "still here?");
        assertThat(after.exit()).isEqualTo(ExitCodes.AUTH);
        assertThat(after.err()).contains("not logged in");
    }
}
