package dev.confab.client;

import static dev.confab.client.TestMessages.message;

import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.ConversationView;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.SendAck;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/** A {@link ConfabConnection} to a {@link ScriptedServer}, with the listener that records what it saw. */
final class ScriptedConnection {
    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    static final ConnectionOptions OPTIONS = ConnectionOptions.defaults()
            .withBackoff(new BackoffPolicy(Duration.ofMillis(10), Duration.ofMillis(50), 2))
            .withPingInterval(Duration.ofHours(1))
            .withRequestTimeout(Duration.ofSeconds(10))
            .withConnectTimeout(Duration.ofSeconds(10))
            .withSyncPageSize(2);

    final RecordingListener listener = new RecordingListener();
    final ScriptedServer server;
    final ConfabConnection connection;

    ScriptedConnection() throws Exception {
        this(OPTIONS);
    }

    ScriptedConnection(ConnectionOptions options) throws Exception {
        server = new ScriptedServer();
        connection = new ConfabConnection(server.baseUri(), "tok", listener, options);
    }

    /** Connects and completes the handshake with an empty conversation list. */
    ScriptedServer.Socket connect() throws Exception {
        CompletableFuture<ServerFrame.Hello> connected = connection.connect();
        ScriptedServer.Socket socket = server.nextSocket();
        socket.hello();
        connected.get(10, TimeUnit.SECONDS);
        socket.answerConversations(List.of());
        return socket;
    }

    /** A ping answered by the server: every frame the server sent before has been handled when it returns. */
    void roundTrip(ScriptedServer.Socket socket) throws Exception {
        CompletableFuture<Instant> ping = connection.ping();
        ClientFrame.Ping request = socket.next(ClientFrame.Ping.class);
        socket.send(new ServerFrame.Pong(request.id(), NOW));
        ping.get(10, TimeUnit.SECONDS);
    }

    void close() throws Exception {
        connection.close();
        server.close();
    }

    /** How the future failed, within the deadline. */
    static Throwable failureOf(CompletableFuture<?> future) {
        ExecutionException failure = Assertions.assertThrows(ExecutionException.class,
                () -> future.get(10, TimeUnit.SECONDS));
        return failure.getCause();
    }

    static SendAck ackFor(ClientFrame.Send send, long seq) {
        return new SendAck(send.clientMessageId(), 1000 + seq, send.conversationId(), seq, NOW);
    }

    static ConversationView conversation(long id, long lastSeq) {
        MessageView last = lastSeq == 0 ? null : message(id, lastSeq);
        return new ConversationView(id, "GROUP", null, null, lastSeq, 0, 0, last, NOW);
    }
}
