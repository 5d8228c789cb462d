package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.client.ConfabConnection;
import dev.confab.client.ConfabHttpClient;
import dev.confab.client.ConnectionListener;
import dev.confab.client.ConnectionOptions;
import dev.confab.client.BackoffPolicy;
import dev.confab.client.ConnectionState;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.SendAck;
import dev.confab.protocol.request.LoginRequest;
import dev.confab.protocol.request.RegisterRequest;
import dev.confab.server.testing.Backend;
import dev.confab.server.testing.TestServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java client library against a real server: what an application built on it would see. */
class ClientLibraryTest {
    private static final ConnectionOptions FAST_RECONNECT = ConnectionOptions.defaults()
            .withBackoff(new BackoffPolicy(Duration.ofMillis(50), Duration.ofMillis(500), 2.0));

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    @Test
    void twoUsersExchangeMessagesIncludingWhileOneIsOffline() throws Exception {
        TestServer server = start(0);
        URI base = server.baseUri();
        String alice = signUp(base, "alice");
        String bob = signUp(base, "bob");
        Inbox aliceInbox = new Inbox();
        ConfabConnection aliceConnection = connection(base, alice, aliceInbox);
        List<CompletableFuture<SendAck>> acks = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            acks.add(aliceConnection.sendTo("bob", "while bob is offline " + i));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

        Inbox bobInbox = new Inbox();
        ConfabConnection bobConnection = connection(base, bob, bobInbox);
        await().atMost(Duration.ofSeconds(10)).until(() -> bobInbox.bodies().size() == 5);
        long conversation = acks.getFirst().get().conversationId();
        bobConnection.send(conversation, "back online").get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> aliceInbox.bodies().contains("back online"));
        assertThat(bobInbox.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(aliceInbox.seqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void sendsQueuedAcrossAServerRestartArriveOnceInOrder() throws Exception {
        TestServer first = start(0);
        int port = first.port();
        URI base = first.baseUri();
        String alice = signUp(base, "alice");
        String bob = signUp(base, "bob");
        Inbox bobInbox = new Inbox();
        connection(base, bob, bobInbox);
        ConfabConnection aliceConnection = connection(base, alice, new Inbox());
        long conversation = aliceConnection.sendTo("bob", "before restart").get(10, TimeUnit.SECONDS).conversationId();

        first.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> aliceConnection.state() != ConnectionState.CONNECTED);
        List<CompletableFuture<SendAck>> queued = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            queued.add(aliceConnection.send(conversation, "queued " + i));
        }
        start(port);
        CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> bobInbox.bodies().size() == 11);
        assertThat(bobInbox.bodies()).startsWith("before restart")
                .containsSubsequence("queued 1", "queued 2", "queued 9", "queued 10").doesNotHaveDuplicates();
        assertThat(bobInbox.seqs()).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 11).boxed().toList());
    }

    @Test
    void friendRequestsReachAnOfflineRecipientThroughTheEventLog() throws Exception {
        TestServer server = start(0);
        URI base = server.baseUri();
        String alice = signUp(base, "alice");
        String bob = signUp(base, "bob");
        Inbox aliceInbox = new Inbox();
        connection(base, alice, aliceInbox);
        var request = new ConfabHttpClient(base, alice).sendFriendRequest("bob", "hello from alice");

        Inbox bobInbox = new Inbox();
        connection(base, bob, bobInbox);
        await().atMost(Duration.ofSeconds(10)).until(() -> bobInbox.eventTypes().contains("friend_request.received"));
        new ConfabHttpClient(base, bob).acceptFriendRequest(request.id());
        await().atMost(Duration.ofSeconds(10)).until(() -> aliceInbox.eventTypes().contains("friend_request.accepted"));
        assertThat(aliceInbox.eventTypes()).containsExactly("friend_request.sent", "friend_request.accepted");
        assertThat(new ConfabHttpClient(base, bob).friends().friends()).extracting(f -> f.user().username())
                .containsExactly("alice");
    }

    @Test
    void receiptsAndTypingReachTheListener() throws Exception {
        TestServer server = start(0);
        URI base = server.baseUri();
        String alice = signUp(base, "alice");
        String bob = signUp(base, "bob");
        Inbox aliceInbox = new Inbox();
        ConfabConnection aliceConnection = connection(base, alice, aliceInbox);
        long conversation = aliceConnection.sendTo("bob", "read me").get(10, TimeUnit.SECONDS).conversationId();
        ConfabConnection bobConnection = connection(base, bob, new Inbox());
        bobConnection.typing(conversation).get(10, TimeUnit.SECONDS);
        bobConnection.markRead(conversation, 1).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> aliceInbox.receipts.stream().anyMatch(r -> r.readSeq() == 1));
        assertThat(aliceInbox.typing).containsExactly(conversation);
    }

    @Test
    void loggingOutEndsTheLiveConnection() throws Exception {
        TestServer server = start(0);
        String token = signUp(server.baseUri(), "carol");
        Inbox inbox = new Inbox();
        connection(server.baseUri(), token, inbox);
        new ConfabHttpClient(server.baseUri(), token).logout();
        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.sessionEnded);
    }

    private TestServer start(int port) {
        TestServer server = TestServer.start(Backend.SQLITE, dir, Map.of("server.port", Integer.toString(port)));
        open.add(server);
        return server;
    }

    private ConfabConnection connection(URI base, String token, Inbox inbox) throws Exception {
        ConfabConnection connection = new ConfabConnection(base, token, inbox, FAST_RECONNECT);
        open.add(connection);
        connection.connect().get(10, TimeUnit.SECONDS);
        return connection;
    }

    private static String signUp(URI base, String name) {
        ConfabHttpClient http = new ConfabHttpClient(base);
        http.register(new RegisterRequest(name, name + " secret password", null, null, null));
        return http.login(new LoginRequest(name, name + " secret password", name + "-laptop", "laptop")).token();
    }

    /** Records what the application is handed. */
    private static final class Inbox implements ConnectionListener {
        final List<MessageView> messages = new CopyOnWriteArrayList<>();
        final List<dev.confab.protocol.model.EventView> events = new CopyOnWriteArrayList<>();
        final List<dev.confab.protocol.model.ReceiptView> receipts = new CopyOnWriteArrayList<>();
        final List<Long> typing = new CopyOnWriteArrayList<>();

        @Override
        public void onReceipt(dev.confab.protocol.model.ReceiptView receipt) {
            receipts.add(receipt);
        }

        @Override
        public void onTyping(long conversationId, long userId, long expiresInMillis) {
            typing.add(conversationId);
        }
        volatile boolean sessionEnded;

        @Override
        public void onEvent(dev.confab.protocol.model.EventView event) {
            events.add(event);
        }

        List<String> eventTypes() {
            return events.stream().map(dev.confab.protocol.model.EventView::type).toList();
        }

        @Override
        public void onMessage(MessageView message) {
            messages.add(message);
        }

        @Override
        public void onSessionEnded() {
            sessionEnded = true;
        }

        List<String> bodies() {
            return messages.stream().map(MessageView::body).toList();
        }

        List<Long> seqs() {
            return messages.stream().map(MessageView::seq).toList();
        }
    }
}
