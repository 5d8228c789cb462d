package dev.confab.client;

import static dev.confab.client.TestEvents.event;
import static dev.confab.client.TestEvents.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.CloseCodes;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.EventPage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The account's event log: ordered, deduplicated, synced after gaps and on every (re)connect. */
@Timeout(60)
class ConnectionEventsTest {
    private ScriptedConnection s;

    @BeforeEach
    void start() throws Exception {
        s = new ScriptedConnection();
    }

    @AfterEach
    void stop() throws Exception {
        s.close();
    }

    /** Connects with a hello naming {@code lastEventSeq}, answering the conversation list with none. */
    private ScriptedServer.Socket connectAtEvent(long lastEventSeq) throws Exception {
        CompletableFuture<ServerFrame.Hello> connected = s.connection.connect();
        ScriptedServer.Socket socket = s.server.nextSocket();
        socket.helloAtEvent(lastEventSeq);
        connected.get(10, TimeUnit.SECONDS);
        socket.answerConversations(List.of());
        return socket;
    }

    @Test
    void liveEventsReachTheListenerInOrderAndOnce() throws Exception {
        ScriptedServer.Socket socket = s.connect();

        socket.send(new ServerFrame.Event(event(1)));
        socket.send(new ServerFrame.Event(event(2)));
        socket.send(new ServerFrame.Event(event(2)));
        socket.send(new ServerFrame.Event(event(3)));
        s.roundTrip(socket);

        assertThat(s.listener.eventSeqs()).containsExactly(1L, 2L, 3L);
        assertThat(s.listener.events.get(0)).isEqualTo(event(1));
        assertThat(s.connection.deliveredEventSeq()).isEqualTo(3);
    }

    @Test
    void aGapInLiveEventsIsSyncedAndDeliveryResumesInOrder() throws Exception {
        ScriptedServer.Socket socket = s.connect();

        socket.send(new ServerFrame.Event(event(1)));
        socket.send(new ServerFrame.Event(event(4)));
        ClientFrame.Events sync = socket.next(ClientFrame.Events.class);
        socket.send(new ServerFrame.Event(event(5)));
        socket.send(new ServerFrame.Events(sync.id(), page(2, 3, true)));
        ClientFrame.Events more = socket.next(ClientFrame.Events.class);
        socket.send(new ServerFrame.Events(more.id(), page(4, 5, false)));
        socket.send(new ServerFrame.Event(event(6)));
        s.roundTrip(socket);

        assertThat(sync.afterSeq()).isEqualTo(1);
        assertThat(sync.limit()).isEqualTo(2);
        assertThat(more.afterSeq()).isEqualTo(3);
        assertThat(s.listener.eventSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(s.connection.deliveredEventSeq()).isEqualTo(6);
    }

    @Test
    void onFirstConnectWithoutAKnownPositionTheWholeLogIsFetched() throws Exception {
        ScriptedServer.Socket socket = connectAtEvent(3);

        ClientFrame.Events sync = socket.next(ClientFrame.Events.class);
        socket.send(new ServerFrame.Events(sync.id(), page(1, 2, true)));
        ClientFrame.Events more = socket.next(ClientFrame.Events.class);
        socket.send(new ServerFrame.Events(more.id(), page(3, 3, false)));
        s.roundTrip(socket);

        assertThat(sync.afterSeq()).isZero();
        assertThat(more.afterSeq()).isEqualTo(2);
        assertThat(s.listener.eventSeqs()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void onConnectTheLogIsSyncedFromTheKnownPositionUpToTheHellosLastEventSeq() throws Exception {
        s.connection.knownEventSeq(3);
        ScriptedServer.Socket socket = connectAtEvent(5);

        ClientFrame.Events sync = socket.next(ClientFrame.Events.class);
        socket.send(new ServerFrame.Events(sync.id(), page(4, 5, false)));
        s.roundTrip(socket);

        assertThat(sync.afterSeq()).isEqualTo(3);
        assertThat(s.listener.eventSeqs()).containsExactly(4L, 5L);
        assertThat(s.connection.deliveredEventSeq()).isEqualTo(5);
    }

    @Test
    void aHelloThatIsNotAheadOfTheKnownPositionAsksForNothing() throws Exception {
        s.connection.knownEventSeq(7);
        ScriptedServer.Socket socket = connectAtEvent(7);

        s.roundTrip(socket);

        assertThat(s.listener.events).isEmpty();
        assertThat(s.connection.deliveredEventSeq()).isEqualTo(7);
    }

    @Test
    void noEventIsDeliveredTwiceAcrossReconnects() throws Exception {
        ScriptedServer.Socket first = s.connect();
        first.send(new ServerFrame.Event(event(1)));
        first.send(new ServerFrame.Event(event(2)));
        s.roundTrip(first);

        first.close(CloseCodes.SLOW_CONSUMER);
        ScriptedServer.Socket second = s.server.nextSocket();
        second.helloAtEvent(4);
        second.answerConversations(List.of());
        ClientFrame.Events sync = second.next(ClientFrame.Events.class);
        second.send(new ServerFrame.Event(event(2)));
        second.send(new ServerFrame.Event(event(4)));
        second.send(new ServerFrame.Events(sync.id(), page(1, 4, false)));
        s.roundTrip(second);

        second.close(CloseCodes.SLOW_CONSUMER);
        ScriptedServer.Socket third = s.server.nextSocket();
        third.helloAtEvent(4);
        third.answerConversations(List.of());
        third.send(new ServerFrame.Event(event(3)));
        third.send(new ServerFrame.Event(event(4)));
        s.roundTrip(third);

        assertThat(sync.afterSeq()).isEqualTo(2);
        assertThat(s.listener.eventSeqs()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(s.connection.deliveredEventSeq()).isEqualTo(4);
    }

    @Test
    void aFailedEventSyncIsReportedAndTheConnectionStays() throws Exception {
        ScriptedServer.Socket socket = s.connect();

        socket.send(new ServerFrame.Event(event(2)));
        ClientFrame.Events sync = socket.next(ClientFrame.Events.class);
        socket.send(new ServerFrame.Error(sync.id(), "unavailable", "Try later."));
        s.roundTrip(socket);

        assertThat(s.listener.errors).singleElement().isInstanceOfSatisfying(ConfabApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNAVAILABLE));
        assertThat(s.listener.events).isEmpty();
        assertThat(s.connection.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void anEventsRequestAnswersTheCallerWithoutDelivering() throws Exception {
        ScriptedServer.Socket socket = s.connect();

        CompletableFuture<EventPage> answer = s.connection.events(5, 10);
        ClientFrame.Events request = socket.next(ClientFrame.Events.class);
        EventPage page = page(6, 7, false);
        socket.send(new ServerFrame.Events(request.id(), page));

        assertThat(request.afterSeq()).isEqualTo(5);
        assertThat(request.limit()).isEqualTo(10);
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(page);
        assertThat(s.listener.events).isEmpty();
        assertThat(s.connection.deliveredEventSeq()).isZero();
    }
}
