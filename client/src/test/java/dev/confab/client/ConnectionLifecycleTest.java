package dev.confab.client;

import static dev.confab.client.ConnectionState.CLOSED;
import static dev.confab.client.ConnectionState.CONNECTED;
import static dev.confab.client.ConnectionState.CONNECTING;
import static dev.confab.client.ConnectionState.DISCONNECTED;
import static dev.confab.client.ScriptedConnection.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.protocol.CloseCodes;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.SendAck;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connecting, staying connected, reconnecting, and stopping for good. */
@Timeout(60)
class ConnectionLifecycleTest {
    private ScriptedConnection scripted;

    @AfterEach
    void stop() throws Exception {
        scripted.close();
    }

    private ScriptedConnection scripted(ConnectionOptions options) throws Exception {
        scripted = new ScriptedConnection(options);
        return scripted;
    }

    @Test
    void connectsWithTheBearerTokenAndCompletesOnHello() throws Exception {
        ScriptedConnection s = scripted(ScriptedConnection.OPTIONS);
        CompletableFuture<ServerFrame.Hello> connected = s.connection.connect();
        ScriptedServer.Socket socket = s.server.nextSocket();

        assertThat(socket.authorization).isEqualTo("Bearer tok");
        assertThat(connected).isNotDone();
        socket.hello();

        assertThat(connected.get(10, TimeUnit.SECONDS).userId()).isEqualTo(ScriptedServer.USER_ID);
        assertThat(s.connection.hello()).hasValueSatisfying(h -> assertThat(h.sessionId()).isEqualTo("session-1"));
        socket.answerConversations(List.of());
        assertThat(s.listener.states).containsExactly(CONNECTING, CONNECTED);
        assertThat(s.connection.state()).isEqualTo(CONNECTED);
    }

    @Test
    void anUnansweredPingDropsTheSocketAndTheConnectionComesBack() throws Exception {
        ScriptedConnection s = scripted(ScriptedConnection.OPTIONS
                .withPingInterval(Duration.ofMillis(100)).withRequestTimeout(Duration.ofMillis(500)));
        ScriptedServer.Socket first = s.connect();

        first.next(ClientFrame.Ping.class);
        ScriptedServer.Socket second = s.server.nextSocket();
        second.hello();
        second.answerConversations(List.of());

        assertThat(first.closeCode()).isNotEqualTo(CloseCodes.NORMAL);
        await().until(() -> s.connection.state() == CONNECTED);
        assertThat(s.listener.states).containsSubsequence(CONNECTED, DISCONNECTED, CONNECTING, CONNECTED);
    }

    @Test
    void aGoAwayIsFollowedByAReconnect() throws Exception {
        ScriptedConnection s = scripted(ScriptedConnection.OPTIONS);
        ScriptedServer.Socket first = s.connect();

        first.send(new ServerFrame.GoAway("restart", 20));
        first.close(CloseCodes.GOING_AWAY);
        ScriptedServer.Socket second = s.server.nextSocket();
        second.hello();
        second.answerConversations(List.of());

        await().until(() -> s.connection.state() == CONNECTED);
    }

    @Test
    void closeCode4001EndsTheSessionForGood() throws Exception {
        ScriptedConnection s = scripted(ScriptedConnection.OPTIONS);
        ScriptedServer.Socket socket = s.connect();
        CompletableFuture<SendAck> pending = s.connection.send(7, "late");
        socket.next(ClientFrame.Send.class);

        socket.close(CloseCodes.SESSION_ENDED);

        assertThat(failureOf(pending)).isInstanceOfSatisfying(ConfabApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.AUTH_UNAUTHENTICATED));
        await().until(() -> s.connection.state() == CLOSED);
        assertThat(s.listener.sessionEnded).hasValue(1);
        assertThat(s.listener.states).endsWith(CLOSED);
        assertThat(s.listener.errors).isEmpty();
        assertThat(failureOf(s.connection.send(7, "after"))).isInstanceOf(ConfabConnectionException.class);
        assertThat(s.server.socketWithin(300)).as("no reconnect after the session ended").isNull();
    }

    @Test
    void aReplacedSessionEndsTheConnectionForGoodNamingTheOtherDevice() throws Exception {
        ScriptedConnection s = scripted(ScriptedConnection.OPTIONS);
        ScriptedServer.Socket socket = s.connect();
        CompletableFuture<SendAck> pending = s.connection.send(7, "late");
        socket.next(ClientFrame.Send.class);

        socket.send(new ServerFrame.SessionReplaced("phone", ScriptedConnection.NOW));
        socket.close(CloseCodes.SESSION_REPLACED);

        assertThat(failureOf(pending)).isInstanceOfSatisfying(ConfabApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.AUTH_UNAUTHENTICATED);
            assertThat(e.getMessage()).contains("phone");
        });
        await().until(() -> s.connection.state() == CLOSED);
        assertThat(s.listener.replacedBy).containsExactly(Optional.of("phone"));
        assertThat(s.listener.sessionEnded).hasValue(1);
        assertThat(s.listener.states).endsWith(CLOSED);
        assertThat(s.listener.errors).isEmpty();
        assertThat(s.server.socketWithin(300)).as("no reconnect after the session was replaced").isNull();
    }

    @Test
    void closeCode4003WithoutTheFrameAlsoEndsTheConnectionForGood() throws Exception {
        ScriptedConnection s = scripted(ScriptedConnection.OPTIONS);
        ScriptedServer.Socket socket = s.connect();

        socket.close(CloseCodes.SESSION_REPLACED);

        await().until(() -> s.connection.state() == CLOSED);
        assertThat(s.listener.replacedBy).containsExactly(Optional.empty());
        assertThat(s.listener.sessionEnded).hasValue(1);
        assertThat(s.listener.errors).isEmpty();
        assertThat(failureOf(s.connection.connect())).isInstanceOf(ConfabConnectionException.class);
        assertThat(s.server.socketWithin(300)).as("no reconnect after the session was replaced").isNull();
    }

    @Test
    void anUpgradeRefusedWith401EndsTheSession() throws Exception {
        ScriptedConnection s = scripted(ScriptedConnection.OPTIONS);
        s.server.refuseUpgradesWith(401);

        CompletableFuture<ServerFrame.Hello> connected = s.connection.connect();

        assertThat(failureOf(connected)).isInstanceOfSatisfying(ConfabApiException.class,
                e -> assertThat(e.status()).isEqualTo(401));
        assertThat(s.listener.sessionEnded).hasValue(1);
        assertThat(s.connection.state()).isEqualTo(CLOSED);
    }

    @Test
    void anUpgradeRefusedWith403StopsWithAnError() throws Exception {
        ScriptedConnection s = scripted(ScriptedConnection.OPTIONS);
        s.server.refuseUpgradesWith(403);

        CompletableFuture<ServerFrame.Hello> connected = s.connection.connect();

        assertThat(failureOf(connected)).isInstanceOfSatisfying(ConfabApiException.class,
                e -> assertThat(e.status()).isEqualTo(403));
        assertThat(s.listener.errors).singleElement().isInstanceOf(ConfabApiException.class);
        assertThat(s.listener.sessionEnded).hasValue(0);
        assertThat(s.connection.state()).isEqualTo(CLOSED);
    }

    @Test
    void anUpgradeRefusedWith503IsRetried() throws Exception {
        ScriptedConnection s = scripted(ScriptedConnection.OPTIONS);
        s.server.refuseUpgradesWith(503);
        CompletableFuture<ServerFrame.Hello> connected = s.connection.connect();
        await().until(() -> s.listener.states.stream().filter(state -> state == CONNECTING).count() >= 3);

        s.server.refuseUpgradesWith(0);
        ScriptedServer.Socket socket = s.server.nextSocket();
        socket.hello();

        assertThat(connected.get(10, TimeUnit.SECONDS).userId()).isEqualTo(ScriptedServer.USER_ID);
    }

    @Test
    void closeFailsPendingWorkAndSaysGoodbye() throws Exception {
        ScriptedConnection s = scripted(ScriptedConnection.OPTIONS);
        ScriptedServer.Socket socket = s.connect();
        CompletableFuture<SendAck> pending = s.connection.send(7, "x");
        socket.next(ClientFrame.Send.class);

        s.connection.close();

        assertThat(s.listener.states).endsWith(CLOSED);
        assertThat(failureOf(pending)).isInstanceOf(ConfabConnectionException.class);
        assertThat(socket.closeCode()).isEqualTo(CloseCodes.NORMAL);
        assertThat(failureOf(s.connection.connect())).isInstanceOf(ConfabConnectionException.class);
        assertThat(failureOf(s.connection.ping())).isInstanceOf(ConfabConnectionException.class);
    }
}
