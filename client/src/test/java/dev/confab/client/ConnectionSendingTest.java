package dev.confab.client;

import static dev.confab.client.ConnectionState.CONNECTED;
import static dev.confab.client.ConnectionState.CONNECTING;
import static dev.confab.client.ConnectionState.DISCONNECTED;
import static dev.confab.client.ScriptedConnection.NOW;
import static dev.confab.client.ScriptedConnection.ackFor;
import static dev.confab.client.ScriptedConnection.conversation;
import static dev.confab.client.ScriptedConnection.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.protocol.CloseCodes;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.SendAck;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sends: acks, own messages, resending after a reconnect, refusals. */
@Timeout(60)
class ConnectionSendingTest {
    private ScriptedConnection s;

    @BeforeEach
    void start() throws Exception {
        s = new ScriptedConnection();
    }

    @AfterEach
    void stop() throws Exception {
        s.close();
    }

    @Test
    void aSendCompletesWithItsAckAndTheOwnMessageIsDelivered() throws Exception {
        ScriptedServer.Socket socket = s.connect();

        CompletableFuture<SendAck> sent = s.connection.send(7, "hi");
        ClientFrame.Send frame = socket.next(ClientFrame.Send.class);
        SendAck ack = new SendAck(frame.clientMessageId(), 500, 7, 1, NOW);
        socket.send(new ServerFrame.Ack(frame.id(), ack));

        assertThat(frame.conversationId()).isEqualTo(7);
        assertThat(frame.to()).isNull();
        assertThat(frame.body()).isEqualTo("hi");
        assertThat(frame.clientMessageId()).matches("[0-9a-f-]{36}");
        assertThat(sent.get(10, TimeUnit.SECONDS)).isEqualTo(ack);
        assertThat(s.listener.messages).singleElement().satisfies(m -> {
            assertThat(m.seq()).isEqualTo(1);
            assertThat(m.id()).isEqualTo(500);
            assertThat(m.senderId()).isEqualTo(ScriptedServer.USER_ID);
            assertThat(m.clientMessageId()).isEqualTo(frame.clientMessageId());
            assertThat(m.contentType()).isEqualTo("text/plain");
            assertThat(m.body()).isEqualTo("hi");
        });
    }

    @Test
    void aSendToAUserNamesThemAndCarriesTheContentType() throws Exception {
        ScriptedServer.Socket socket = s.connect();

        s.connection.sendTo("bob", "text/markdown", "*hi*");
        ClientFrame.Send frame = socket.next(ClientFrame.Send.class);

        assertThat(frame.to()).isEqualTo("bob");
        assertThat(frame.conversationId()).isNull();
        assertThat(frame.contentType()).isEqualTo("text/markdown");
    }

    @Test
    void unackedSendsAreResentAfterAReconnectInOrderWithTheirClientIds() throws Exception {
        ScriptedServer.Socket first = s.connect();
        CompletableFuture<SendAck> a = s.connection.send(7, "a");
        CompletableFuture<SendAck> b = s.connection.send(7, "b");
        ClientFrame.Send sentA = first.next(ClientFrame.Send.class);
        ClientFrame.Send sentB = first.next(ClientFrame.Send.class);
        first.send(new ServerFrame.Ack(sentA.id(), ackFor(sentA, 1)));
        a.get(10, TimeUnit.SECONDS);

        first.close(CloseCodes.GOING_AWAY);
        await().until(() -> s.listener.states.contains(DISCONNECTED));
        CompletableFuture<SendAck> c = s.connection.send(7, "c");
        ScriptedServer.Socket second = s.server.nextSocket();
        second.hello();

        ClientFrame.Send resentB = second.next(ClientFrame.Send.class);
        ClientFrame.Send sentC = second.next(ClientFrame.Send.class);
        assertThat(resentB.clientMessageId()).isEqualTo(sentB.clientMessageId());
        assertThat(resentB.body()).isEqualTo("b");
        assertThat(sentC.body()).isEqualTo("c");
        second.answerConversations(List.of(conversation(7, 1)));
        second.send(new ServerFrame.Ack(resentB.id(), ackFor(resentB, 2)));
        second.send(new ServerFrame.Ack(sentC.id(), ackFor(sentC, 3)));

        assertThat(b.get(10, TimeUnit.SECONDS).seq()).isEqualTo(2);
        assertThat(c.get(10, TimeUnit.SECONDS).seq()).isEqualTo(3);
        assertThat(s.listener.seqs(7)).containsExactly(1L, 2L, 3L);
        assertThat(s.listener.states).containsExactly(CONNECTING, CONNECTED, DISCONNECTED, CONNECTING, CONNECTED);
        assertThat(Set.copyOf(s.listener.threads)).as("every callback on one thread").hasSize(1);
    }

    @Test
    void sendsMadeBeforeConnectingGoOutOnHelloInOrder() throws Exception {
        s.connection.send(7, "one");
        s.connection.send(7, "two");
        s.connection.connect();
        ScriptedServer.Socket socket = s.server.nextSocket();
        socket.hello();

        assertThat(socket.next(ClientFrame.Send.class).body()).isEqualTo("one");
        assertThat(socket.next(ClientFrame.Send.class).body()).isEqualTo("two");
        socket.answerConversations(List.of());
    }

    @Test
    void anErrorAnsweringASendFailsItAndItIsNotResent() throws Exception {
        ScriptedServer.Socket first = s.connect();
        CompletableFuture<SendAck> sent = s.connection.send(7, "far too long");
        ClientFrame.Send frame = first.next(ClientFrame.Send.class);

        first.send(new ServerFrame.Error(frame.id(), "message.too_long", "Too long."));

        assertThat(failureOf(sent)).isInstanceOfSatisfying(ConfabApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.MESSAGE_TOO_LONG);
            assertThat(e.status()).isEqualTo(413);
        });
        first.close(CloseCodes.GOING_AWAY);
        ScriptedServer.Socket second = s.server.nextSocket();
        second.hello();
        second.answerConversations(List.of());
    }
}
