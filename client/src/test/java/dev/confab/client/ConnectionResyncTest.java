package dev.confab.client;

import static dev.confab.client.ScriptedConnection.conversation;
import static dev.confab.client.TestEvents.event;
import static dev.confab.client.TestEvents.page;
import static dev.confab.client.TestMessages.message;
import static dev.confab.client.TestMessages.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.MessagePage;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A {@code resync} frame: the same catch-up as after a reconnect, on the open socket, still at most once. */
@Timeout(60)
class ConnectionResyncTest {
    private static final ServerFrame.Resync RESYNC = new ServerFrame.Resync("bus unreachable");

    private ScriptedConnection s;

    @BeforeEach
    void start() throws Exception {
        s = new ScriptedConnection();
    }

    @AfterEach
    void stop() throws Exception {
        s.close();
    }

    private static void answer(ScriptedServer.Socket socket, ClientFrame.Sync sync, long conversationId, long from,
                               long to) {
        socket.send(new ServerFrame.Messages(sync.id(),
                new MessagePage(conversationId, messages(conversationId, from, to), false, null, 1)));
    }

    @Test
    void catchesUpEveryConversationAndTheEventLogWithoutReconnecting() throws Exception {
        ScriptedServer.Socket socket = s.connect();
        socket.send(new ServerFrame.Message(message(5, 1)));
        socket.send(new ServerFrame.Event(event(1)));
        s.roundTrip(socket);

        socket.send(RESYNC);
        socket.answerConversations(List.of(conversation(5, 3), conversation(6, 1), conversation(7, 0)));
        ClientFrame.Events events = socket.next(ClientFrame.Events.class);
        Map<Long, ClientFrame.Sync> syncs = List.of(socket.next(ClientFrame.Sync.class), socket.next(ClientFrame.Sync.class))
                .stream().collect(Collectors.toMap(ClientFrame.Sync::conversationId, Function.identity()));
        socket.send(new ServerFrame.Event(event(2)));
        socket.send(new ServerFrame.Events(events.id(), page(2, 3, false)));
        socket.send(new ServerFrame.Message(message(5, 2)));
        answer(socket, syncs.get(5L), 5, 2, 3);
        answer(socket, syncs.get(6L), 6, 1, 1);
        s.roundTrip(socket);

        assertThat(events.afterSeq()).isEqualTo(1);
        assertThat(syncs.keySet()).containsExactlyInAnyOrder(5L, 6L);
        assertThat(syncs.get(5L).afterSeq()).isEqualTo(1);
        assertThat(syncs.get(6L).afterSeq()).isZero();
        assertThat(s.listener.seqs(5)).containsExactly(1L, 2L, 3L);
        assertThat(s.listener.seqs(6)).containsExactly(1L);
        assertThat(s.listener.eventSeqs()).containsExactly(1L, 2L, 3L);
        assertThat(s.listener.errors).isEmpty();
        assertThat(s.connection.state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(s.server.socketWithin(100)).as("the socket stays open").isNull();
    }

    @Test
    void aConversationWhoseSyncIsRunningIsSyncedOnceMoreAfterIt() throws Exception {
        ScriptedServer.Socket socket = s.connect();
        socket.send(new ServerFrame.Message(message(5, 1)));
        socket.send(new ServerFrame.Message(message(5, 3)));
        ClientFrame.Sync gap = socket.next(ClientFrame.Sync.class);

        socket.send(RESYNC);
        socket.answerConversations(List.of(conversation(5, 4)));
        ClientFrame.Events events = socket.next(ClientFrame.Events.class);
        socket.send(new ServerFrame.Events(events.id(), page(1, 0, false)));
        answer(socket, gap, 5, 2, 3);
        ClientFrame.Sync again = socket.next(ClientFrame.Sync.class);
        answer(socket, again, 5, 4, 4);
        s.roundTrip(socket);

        assertThat(gap.afterSeq()).isEqualTo(1);
        assertThat(again.afterSeq()).isEqualTo(3);
        assertThat(s.listener.seqs(5)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(s.listener.errors).isEmpty();
    }

    @Test
    void resyncsInQuickSuccessionShareOneFollowUpWalk() throws Exception {
        ScriptedServer.Socket socket = s.connect();

        socket.send(RESYNC);
        socket.send(RESYNC);
        socket.send(RESYNC);
        ClientFrame.Conversations first = socket.next(ClientFrame.Conversations.class);
        ClientFrame.Events events = socket.next(ClientFrame.Events.class);
        socket.send(new ServerFrame.Conversations(first.id(), List.of(), false, null));
        socket.send(new ServerFrame.Events(events.id(), page(1, 1, false)));
        ClientFrame.Conversations second = socket.next(ClientFrame.Conversations.class);
        ClientFrame.Events moreEvents = socket.next(ClientFrame.Events.class);
        socket.send(new ServerFrame.Conversations(second.id(), List.of(), false, null));
        socket.send(new ServerFrame.Events(moreEvents.id(), page(2, 1, false)));
        s.roundTrip(socket);

        assertThat(events.afterSeq()).isZero();
        assertThat(moreEvents.afterSeq()).isEqualTo(1);
        assertThat(s.listener.eventSeqs()).containsExactly(1L);
        assertThat(s.listener.errors).isEmpty();
    }
}
