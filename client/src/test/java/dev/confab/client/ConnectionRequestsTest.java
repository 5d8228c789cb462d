package dev.confab.client;

import static dev.confab.client.ConnectionState.CONNECTED;
import static dev.confab.client.ScriptedConnection.NOW;
import static dev.confab.client.ScriptedConnection.conversation;
import static dev.confab.client.ScriptedConnection.failureOf;
import static dev.confab.client.TestMessages.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.ConversationView;
import dev.confab.protocol.model.MessagePage;
import dev.confab.protocol.model.PresenceView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Requests over the socket: correlation by id, errors, timeouts, waiting for the connection. */
@Timeout(60)
class ConnectionRequestsTest {
    private ScriptedConnection s;

    @AfterEach
    void stop() throws Exception {
        s.close();
    }

    @Test
    void requestsAreMatchedToTheirAnswersById() throws Exception {
        s = new ScriptedConnection();
        ScriptedServer.Socket socket = s.connect();

        CompletableFuture<List<PresenceView>> presence = s.connection.presence(List.of(1L, 2L));
        CompletableFuture<List<ConversationView>> conversations = s.connection.conversations();
        ClientFrame.PresenceQuery presenceQuery = socket.next(ClientFrame.PresenceQuery.class);
        ClientFrame.Conversations conversationsQuery = socket.next(ClientFrame.Conversations.class);
        socket.send(new ServerFrame.Conversations(conversationsQuery.id(), List.of(conversation(3, 0)), false, null));
        socket.send(new ServerFrame.PresenceResult(presenceQuery.id(), List.of(new PresenceView(1, "ada", true, null))));

        assertThat(presenceQuery.userIds()).containsExactly(1L, 2L);
        assertThat(presence.get(10, TimeUnit.SECONDS)).extracting(PresenceView::username).containsExactly("ada");
        assertThat(conversations.get(10, TimeUnit.SECONDS)).extracting(ConversationView::id).containsExactly(3L);
    }

    @Test
    void historyReadAndPingCarryTheirArguments() throws Exception {
        s = new ScriptedConnection();
        ScriptedServer.Socket socket = s.connect();

        CompletableFuture<MessagePage> history = s.connection.history(3, 10, 5);
        ClientFrame.History historyQuery = socket.next(ClientFrame.History.class);
        MessagePage page = new MessagePage(3, messages(3, 8, 9), true, 8L, 1);
        socket.send(new ServerFrame.Messages(historyQuery.id(), page));
        CompletableFuture<MessagePage> latest = s.connection.latest(3, 4);
        ClientFrame.History latestQuery = socket.next(ClientFrame.History.class);
        socket.send(new ServerFrame.Messages(latestQuery.id(), page));
        CompletableFuture<Void> read = s.connection.markRead(3, 9);
        ClientFrame.Read readRequest = socket.next(ClientFrame.Read.class);
        socket.send(new ServerFrame.Ok(readRequest.id()));
        CompletableFuture<Instant> ping = s.connection.ping();
        ClientFrame.Ping pingRequest = socket.next(ClientFrame.Ping.class);
        socket.send(new ServerFrame.Pong(pingRequest.id(), NOW));

        assertThat(historyQuery.beforeSeq()).isEqualTo(10);
        assertThat(historyQuery.limit()).isEqualTo(5);
        assertThat(history.get(10, TimeUnit.SECONDS)).isEqualTo(page);
        assertThat(latestQuery.beforeSeq()).isNull();
        assertThat(latest.get(10, TimeUnit.SECONDS)).isEqualTo(page);
        assertThat(readRequest.seq()).isEqualTo(9);
        read.get(10, TimeUnit.SECONDS);
        assertThat(ping.get(10, TimeUnit.SECONDS)).isEqualTo(NOW);
        assertThat(s.listener.messages).as("pages asked for are not delivered to the listener").isEmpty();
    }

    @Test
    void anErrorFrameFailsTheRequestItAnswersAndTheConnectionStays() throws Exception {
        s = new ScriptedConnection();
        ScriptedServer.Socket socket = s.connect();

        CompletableFuture<Void> read = s.connection.markRead(3, 1);
        ClientFrame.Read request = socket.next(ClientFrame.Read.class);
        socket.send(new ServerFrame.Error(request.id(), "conversation.not_found", "No such conversation."));

        assertThat(failureOf(read)).isInstanceOfSatisfying(ConfabApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONVERSATION_NOT_FOUND));
        assertThat(s.connection.state()).isEqualTo(CONNECTED);
        s.roundTrip(socket);
    }

    @Test
    void requestsMadeBeforeConnectingWaitForTheConnection() throws Exception {
        s = new ScriptedConnection();
        CompletableFuture<List<ConversationView>> early = s.connection.conversations();
        s.connection.connect();
        ScriptedServer.Socket socket = s.server.nextSocket();
        socket.hello();

        ClientFrame.Conversations request = socket.next(ClientFrame.Conversations.class);
        socket.send(new ServerFrame.Conversations(request.id(), List.of(conversation(4, 0)), false, null));
        socket.answerConversations(List.of());

        assertThat(early.get(10, TimeUnit.SECONDS)).extracting(ConversationView::id).containsExactly(4L);
    }

    @Test
    void aRequestWithoutAnswerTimesOut() throws Exception {
        s = new ScriptedConnection(ScriptedConnection.OPTIONS.withRequestTimeout(Duration.ofMillis(200)));
        ScriptedServer.Socket socket = s.connect();

        CompletableFuture<Instant> ping = s.connection.ping();
        socket.next(ClientFrame.Ping.class);

        assertThat(failureOf(ping)).isInstanceOf(TimeoutException.class);
    }
}
