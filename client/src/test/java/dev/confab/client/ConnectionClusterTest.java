package dev.confab.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.protocol.CloseCodes;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.NodeAssignment;
import dev.confab.protocol.model.NodeView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which node each connect attempt goes to: the cluster's assignment, with failover when nodes go away. */
@Timeout(60)
class ConnectionClusterTest {
    private final List<ScriptedServer> servers = new ArrayList<>();
    private final RecordingListener listener = new RecordingListener();
    private ConfabConnection connection;

    @AfterEach
    void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        for (ScriptedServer server : servers) {
            server.close();
        }
    }

    private ScriptedServer server() throws Exception {
        ScriptedServer server = new ScriptedServer();
        servers.add(server);
        return server;
    }

    /** Stops a server for good, as a killed node: its port refuses connections from now on. */
    private void kill(ScriptedServer server) throws Exception {
        servers.remove(server);
        server.close();
    }

    private static NodeAssignment assignment(NodeView assigned, NodeView... live) {
        return new NodeAssignment(assigned, List.of(live));
    }

    /** Starts connecting to {@code base}; returns the socket that {@code expected} accepted, after the handshake. */
    private ScriptedServer.Socket connectVia(ScriptedServer base, ConnectionOptions options, ScriptedServer expected)
            throws Exception {
        connection = new ConfabConnection(base.baseUri(), "tok", listener, options);
        CompletableFuture<ServerFrame.Hello> connected = connection.connect();
        ScriptedServer.Socket socket = expected.nextSocket();
        socket.hello();
        connected.get(10, TimeUnit.SECONDS);
        socket.answerConversations(List.of());
        return socket;
    }

    /** The next socket {@code server} accepted, after the handshake of a reconnect. */
    private static ScriptedServer.Socket reconnectedTo(ScriptedServer server) throws Exception {
        ScriptedServer.Socket socket = server.nextSocket();
        socket.hello();
        socket.answerConversations(List.of());
        return socket;
    }

    @Test
    void connectsToTheAssignedNodeWhenSeveralAreLive() throws Exception {
        ScriptedServer a = server();
        ScriptedServer b = server();
        a.assign(assignment(b.node("b", 0), b.node("b", 0), a.node("a", 3)));

        ScriptedServer.Socket socket = connectVia(a, ScriptedConnection.OPTIONS, b);

        assertThat(socket.authorization).isEqualTo("Bearer tok");
        assertThat(socket.path).isEqualTo("/api/v1/ws");
        assertThat(connection.connectedTo()).contains(b.webSocketUri());
        assertThat(a.assignQuestions()).isEqualTo(1);
        assertThat(b.assignQuestions()).isZero();
        assertThat(a.socketWithin(100)).isNull();
    }

    @Test
    void anAnswerNamingOneNodeKeepsTheBaseAddress() throws Exception {
        ScriptedServer a = server();
        NodeView advertised = new NodeView("a", "http://node-a.internal:8080", "ws://node-a.internal:8080/api/v1/ws", 0);
        a.assign(assignment(advertised, advertised));

        connectVia(a, ScriptedConnection.OPTIONS, a);

        assertThat(connection.connectedTo()).contains(a.webSocketUri());
    }

    @Test
    void withoutAnyAnswerItConnectsToTheBaseAddress() throws Exception {
        ScriptedServer a = server();
        a.failAssignWith(503);

        connectVia(a, ScriptedConnection.OPTIONS, a);

        assertThat(connection.connectedTo()).contains(a.webSocketUri());
        assertThat(a.assignQuestions()).isEqualTo(1);
    }

    @Test
    void everyReconnectAsksAgainAndFollowsTheNewAnswer() throws Exception {
        ScriptedServer a = server();
        ScriptedServer b = server();
        ScriptedServer c = server();
        a.assign(assignment(b.node("b", 0), b.node("b", 0), a.node("a", 1), c.node("c", 1)));
        ScriptedServer.Socket first = connectVia(a, ScriptedConnection.OPTIONS, b);

        a.assign(assignment(c.node("c", 0), c.node("c", 0), a.node("a", 1), b.node("b", 1)));
        first.close(CloseCodes.GOING_AWAY);
        reconnectedTo(c);

        await().until(() -> connection.connectedTo().filter(c.webSocketUri()::equals).isPresent());
        assertThat(a.assignQuestions()).isEqualTo(2);
    }

    @Test
    void whenTheBaseNodeIsGoneItAsksTheNodesItLearnedOf() throws Exception {
        ScriptedServer a = server();
        ScriptedServer b = server();
        a.assign(assignment(b.node("b", 0), b.node("b", 0), a.node("a", 1)));
        ScriptedServer.Socket first = connectVia(a, ScriptedConnection.OPTIONS, b);

        kill(a);
        b.assign(assignment(b.node("b", 1), b.node("b", 1)));
        first.close(CloseCodes.GOING_AWAY);
        reconnectedTo(b);

        await().until(() -> connection.connectedTo().filter(b.webSocketUri()::equals).isPresent());
        assertThat(b.assignQuestions()).isEqualTo(1);
    }

    @Test
    void aNodeThatDiesUnderTheConnectionIsLeftForOneTheClusterStillHas() throws Exception {
        ScriptedServer a = server();
        ScriptedServer b = server();
        a.assign(assignment(b.node("b", 0), b.node("b", 0), a.node("a", 1)));
        connectVia(a, ScriptedConnection.OPTIONS, b);

        a.assign(assignment(a.node("a", 1), a.node("a", 1)));
        kill(b);
        reconnectedTo(a);

        await().until(() -> connection.connectedTo().filter(a.webSocketUri()::equals).isPresent());
        assertThat(listener.states).containsSubsequence(ConnectionState.CONNECTED, ConnectionState.DISCONNECTED,
                ConnectionState.CONNECTING, ConnectionState.CONNECTED);
    }

    @Test
    void seedsAreAskedWhenTheBaseDoesNotAnswer() throws Exception {
        ScriptedServer a = server();
        ScriptedServer seed = server();
        ScriptedServer c = server();
        a.failAssignWith(503);
        seed.assign(assignment(c.node("c", 0), c.node("c", 0), seed.node("seed", 2)));

        connectVia(a, ScriptedConnection.OPTIONS.withSeeds(List.of(seed.baseUri())), c);

        assertThat(connection.connectedTo()).contains(c.webSocketUri());
        assertThat(a.assignQuestions()).isEqualTo(1);
        assertThat(seed.assignQuestions()).isEqualTo(1);
    }

    @Test
    void withNodeAssignmentOffItNeverAsks() throws Exception {
        ScriptedServer a = server();
        ScriptedServer b = server();
        a.assign(assignment(b.node("b", 0), b.node("b", 0), a.node("a", 3)));

        connectVia(a, ScriptedConnection.OPTIONS.withNodeAssignment(false), a);

        assertThat(a.assignQuestions()).isZero();
        assertThat(connection.connectedTo()).contains(a.webSocketUri());
    }

    @Test
    void connectedToIsEmptyUnlessConnected() throws Exception {
        ScriptedServer a = server();
        connection = new ConfabConnection(a.baseUri(), "tok", listener, ScriptedConnection.OPTIONS);
        assertThat(connection.connectedTo()).isEmpty();

        connection.connect();
        ScriptedServer.Socket socket = a.nextSocket();
        assertThat(connection.connectedTo()).isEmpty();
        socket.hello();
        await().until(() -> connection.connectedTo().isPresent());

        connection.close();
        assertThat(connection.connectedTo()).isEmpty();
    }
}
