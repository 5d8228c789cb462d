package dev.confab.client;

import static dev.confab.client.ScriptedConnection.NOW;
import static dev.confab.client.ScriptedConnection.conversation;
import static dev.confab.client.TestMessages.message;
import static dev.confab.client.TestMessages.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.CloseCodes;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.MessagePage;
import dev.confab.protocol.model.PresenceView;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What reaches the listener: ordered, deduplicated messages, caught up after gaps and reconnects. */
@Timeout(60)
class ConnectionDeliveryTest {
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
    void aGapInLiveMessagesIsSyncedAndEveryMessageDeliveredOnceInOrder() throws Exception {
        ScriptedServer.Socket socket = s.connect();

        socket.send(new ServerFrame.Message(message(5, 1)));
        socket.send(new ServerFrame.Message(message(5, 4)));
        ClientFrame.Sync sync = socket.next(ClientFrame.Sync.class);
        socket.send(new ServerFrame.Message(message(5, 3)));
        socket.send(new ServerFrame.Messages(sync.id(), new MessagePage(5, messages(5, 2, 3), true, 3L, 1)));
        ClientFrame.Sync more = socket.next(ClientFrame.Sync.class);
        socket.send(new ServerFrame.Messages(more.id(), new MessagePage(5, messages(5, 4, 5), false, null, 1)));
        socket.send(new ServerFrame.Message(message(5, 5)));
        s.roundTrip(socket);

        assertThat(sync.conversationId()).isEqualTo(5);
        assertThat(sync.afterSeq()).isEqualTo(1);
        assertThat(sync.limit()).isEqualTo(2);
        assertThat(more.afterSeq()).isEqualTo(3);
        assertThat(s.listener.seqs(5)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(s.connection.deliveredSeq(5)).isEqualTo(5);
    }

    @Test
    void onConnectItSyncsEveryConversationThatMovedPastItsKnownPosition() throws Exception {
        s.connection.knownSeq(9, 2);
        s.connection.connect();
        ScriptedServer.Socket socket = s.server.nextSocket();
        socket.hello();
        socket.answerConversations(List.of(conversation(9, 4), conversation(10, 0), conversation(11, 2)));

        Map<Long, ClientFrame.Sync> syncs = List.of(socket.next(ClientFrame.Sync.class), socket.next(ClientFrame.Sync.class))
                .stream().collect(Collectors.toMap(ClientFrame.Sync::conversationId, Function.identity()));
        assertThat(syncs.keySet()).containsExactlyInAnyOrder(9L, 11L);
        assertThat(syncs.get(9L).afterSeq()).isEqualTo(2);
        assertThat(syncs.get(11L).afterSeq()).isZero();
        socket.send(new ServerFrame.Messages(syncs.get(9L).id(), new MessagePage(9, messages(9, 3, 4), false, null, 1)));
        socket.send(new ServerFrame.Messages(syncs.get(11L).id(), new MessagePage(11, messages(11, 1, 2), false, null, 1)));
        s.roundTrip(socket);

        assertThat(s.listener.seqs(9)).containsExactly(3L, 4L);
        assertThat(s.listener.seqs(11)).containsExactly(1L, 2L);
        assertThat(s.listener.seqs(10)).isEmpty();
        assertThat(s.connection.deliveredSeq(10)).isZero();
    }

    @Test
    void aSlowConsumerCloseReconnectsAndCatchesUp() throws Exception {
        ScriptedServer.Socket first = s.connect();
        first.send(new ServerFrame.Message(message(3, 1)));
        s.roundTrip(first);

        first.close(CloseCodes.SLOW_CONSUMER);
        ScriptedServer.Socket second = s.server.nextSocket();
        second.hello();
        second.answerConversations(List.of(conversation(3, 3)));
        ClientFrame.Sync sync = second.next(ClientFrame.Sync.class);
        second.send(new ServerFrame.Messages(sync.id(), new MessagePage(3, messages(3, 2, 3), false, null, 1)));
        s.roundTrip(second);

        assertThat(sync.afterSeq()).isEqualTo(1);
        assertThat(s.listener.seqs(3)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void pushedPresenceAndUnmatchedErrorsReachTheListener() throws Exception {
        ScriptedServer.Socket socket = s.connect();

        socket.send(new ServerFrame.Presence(new PresenceView(5, "bob", false, NOW)));
        socket.send(new ServerFrame.Error(null, "request.invalid_json", "Bad JSON."));
        s.roundTrip(socket);

        assertThat(s.listener.presence).extracting(PresenceView::username).containsExactly("bob");
        assertThat(s.listener.errors).singleElement().isInstanceOfSatisfying(ConfabApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REQUEST_INVALID_JSON));
    }
}
