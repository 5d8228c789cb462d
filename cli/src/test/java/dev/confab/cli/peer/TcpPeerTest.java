package dev.confab.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.protocol.peer.PeerCodec;
import dev.confab.protocol.peer.PeerEnvelope;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two peers over real TCP sockets on loopback: a listener and connectors, in one JVM. */
class TcpPeerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final List<AutoCloseable> open = new ArrayList<>();
    private final RecordingObserver listenerSees = new RecordingObserver();
    private PeerChat listenerChat;
    private TcpListener listener;

    @BeforeEach
    void listen() throws IOException {
        listenerChat = new PeerChat(listenerSees, PeerClock.SYSTEM);
        listener = new TcpListener(PeerAddress.parse("tcp://127.0.0.1:0"), UUID.randomUUID(), PeerSettings.defaults("lisa"),
                listenerChat, listenerSees);
        listener.start();
        open.add(listenerChat);
        open.add(listener::close);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private record Client(PeerChat chat, TcpConnector connector, RecordingObserver sees) {
    }

    private Client connect(String name) throws IOException {
        RecordingObserver sees = new RecordingObserver();
        PeerChat chat = new PeerChat(sees, PeerClock.SYSTEM);
        TcpConnector connector = new TcpConnector(listener.address(), UUID.randomUUID(), PeerSettings.defaults(name), chat, sees);
        connector.start();
        open.add(chat);
        open.add(connector::close);
        return new Client(chat, connector, sees);
    }

    private static void awaitAcked(RecordingObserver sees, UUID id) {
        await().atMost(DEADLINE).until(() -> sees.latest(id) != null && sees.latest(id).status() == MessageStatus.ACKED);
    }

    @Test
    void textGoesBothWaysAndEachSenderSeesTheRoundTrip() throws IOException {
        Client carl = connect("carl");
        UUID hello = carl.chat().send("hello lisa".getBytes(StandardCharsets.UTF_8));
        awaitAcked(carl.sees(), hello);
        UUID back = listenerChat.send("hi carl".getBytes(StandardCharsets.UTF_8));
        awaitAcked(listenerSees, back);

        assertThat(listenerSees.received()).singleElement().satisfies(e -> {
            assertThat(new String(e.payload(), StandardCharsets.UTF_8)).isEqualTo("hello lisa");
            assertThat(e.sender()).isEqualTo("carl");
        });
        assertThat(carl.sees().received()).singleElement().satisfies(e -> assertThat(e.sender()).isEqualTo("lisa"));
        assertThat(carl.sees().statuses(hello)).containsExactly(MessageStatus.SENDING, MessageStatus.SENT, MessageStatus.ACKED);
        assertThat(carl.sees().latest(hello).rtt()).isPositive();
        assertThat(listenerSees.latest(back).rtt()).isPositive();
    }

    @Test
    void everyByteValueAndAOneMebibytePayloadArriveIntact() throws IOException {
        Client carl = connect("carl");
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        byte[] big = new byte[1024 * 1024];
        ThreadLocalRandom.current().nextBytes(big);
        UUID first = carl.chat().send(all);
        UUID second = carl.chat().send(big);
        UUID empty = carl.chat().send(new byte[0]);
        awaitAcked(carl.sees(), first);
        awaitAcked(carl.sees(), second);
        awaitAcked(carl.sees(), empty);

        assertThat(listenerSees.received()).extracting(ChatEntry::payload).containsExactly(all, big, new byte[0]);
    }

    @Test
    void aSecondClientIsRefusedWhileOneChatsAndAcceptedAfterItLeaves() throws IOException {
        Client first = connect("first");
        await().atMost(DEADLINE).until(() -> !listenerSees.events(NetworkEvent.Kind.CONNECTED).isEmpty());
        Client second = connect("second");
        await().atMost(DEADLINE).until(() -> second.connector().ended().isDone());
        assertThat(second.connector().ended().join()).isEqualTo(1);
        assertThat(second.sees().events(NetworkEvent.Kind.REFUSED)).singleElement().asString()
                .contains("already chatting").contains("[peer.busy]");

        first.connector().close();
        await().atMost(DEADLINE).until(() -> first.connector().ended().isDone());
        await().atMost(DEADLINE).until(() -> listenerSees.events(NetworkEvent.Kind.DISCONNECTED).size() == 1);
        assertThat(listenerSees.events(NetworkEvent.Kind.DISCONNECTED).getFirst()).contains("first left");

        Client third = connect("third");
        UUID id = third.chat().send("my turn".getBytes(StandardCharsets.UTF_8));
        awaitAcked(third.sees(), id);
        assertThat(listenerSees.received()).extracting(ChatEntry::sender).containsExactly("third");
    }

    @Test
    void garbageIsRefusedWithAReasonAndTheListenerCarriesOn() throws IOException {
        try (Socket raw = new Socket("127.0.0.1", listener.address().port())) {
            raw.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            PeerEnvelope refusal = readUntilRefusal(raw);
            assertThat(refusal.getRefusal().getCode()).isEqualTo("peer.too_large");
            assertThat(refusal.getRefusal().getMessage()).contains("exceeds the limit of 16777216");
        }
        try (Socket raw = new Socket("127.0.0.1", listener.address().port())) {
            new DataOutputStream(raw.getOutputStream()).writeInt(3);
            raw.getOutputStream().write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff});
            assertThat(readUntilRefusal(raw).getRefusal().getCode()).isEqualTo("peer.malformed");
        }
        try (Socket raw = new Socket("127.0.0.1", listener.address().port())) {
            byte[] future = PeerCodec.encode(PeerCodec.envelope(UUID.randomUUID()).setVersion(9)
                    .setBye(dev.confab.protocol.peer.Bye.getDefaultInstance()).build());
            new DataOutputStream(raw.getOutputStream()).writeInt(future.length);
            raw.getOutputStream().write(future);
            assertThat(readUntilRefusal(raw).getRefusal().getMessage())
                    .isEqualTo("the other side speaks peer wire version 9; this side speaks 1");
        }
        await().atMost(DEADLINE).until(() -> listenerSees.events(NetworkEvent.Kind.ERROR).size() == 3);

        Client carl = connect("carl");
        UUID id = carl.chat().send("after the noise".getBytes(StandardCharsets.UTF_8));
        awaitAcked(carl.sees(), id);
    }

    /** Reads frames until a Refusal; then the listener must close the connection. */
    private static PeerEnvelope readUntilRefusal(Socket raw) throws IOException {
        raw.setSoTimeout((int) DEADLINE.toMillis());
        DataInputStream in = new DataInputStream(raw.getInputStream());
        while (true) {
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            PeerEnvelope envelope = PeerEnvelope.parseFrom(body);
            if (envelope.hasRefusal()) {
                raw.shutdownOutput();
                assertThat(in.read()).isEqualTo(-1);
                return envelope;
            }
        }
    }
}
