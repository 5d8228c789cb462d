package dev.confab.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two symmetric UDP peers over real datagram sockets on loopback, one JVM. */
class UdpPeerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final List<AutoCloseable> open = new ArrayList<>();

    private record Side(PeerChat chat, UdpPeer peer, RecordingObserver sees, List<LossyLink> links) {
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    /** A free UDP port: taken from the system, then released for the peer to bind. */
    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private Side side(String name, int localPort, int remotePort, int dropEvery) throws IOException {
        RecordingObserver sees = new RecordingObserver();
        PeerChat chat = new PeerChat(sees, PeerClock.SYSTEM);
        List<LossyLink> links = new ArrayList<>();
        UnaryOperator<Link> filter = dropEvery == 0 ? UnaryOperator.identity() : l -> {
            LossyLink lossy = new LossyLink(l, dropEvery);
            links.add(lossy);
            return lossy;
        };
        PeerSettings settings = new PeerSettings(name, PeerSettings.DEFAULT_MAX_FRAME_BYTES, PeerSettings.DEFAULT_MAX_DATAGRAM_BYTES,
                PeerSettings.DEFAULT_ACK_TIMEOUT, Duration.ofMillis(50), Duration.ofMillis(400), 12);
        UdpPeer peer = new UdpPeer(PeerAddress.parse("udp://127.0.0.1:" + localPort), PeerAddress.parse("udp://127.0.0.1:" + remotePort),
                UUID.randomUUID(), settings, chat, sees, filter);
        peer.start();
        open.add(chat);
        open.add(peer::close);
        return new Side(chat, peer, sees, links);
    }

    private static boolean acked(RecordingObserver sees, UUID id) {
        return sees.latest(id) != null && sees.latest(id).status() == MessageStatus.ACKED;
    }

    private static void awaitAcked(RecordingObserver sees, UUID id) {
        await().atMost(DEADLINE).until(() -> acked(sees, id));
    }

    @Test
    void eitherSideMayStartFirstAndTextRoundTripsWithRtt() throws IOException {
        int pa = freePort();
        int pb = freePort();
        Side ann = side("ann", pa, pb, 0);
        UUID early = ann.chat().send("anyone there?".getBytes(StandardCharsets.UTF_8));
        assertThat(ann.sees().latest(early).status()).isEqualTo(MessageStatus.SENDING);
        Side ben = side("ben", pb, pa, 0);
        awaitAcked(ann.sees(), early);
        UUID reply = ben.chat().send("yes, ben".getBytes(StandardCharsets.UTF_8));
        awaitAcked(ben.sees(), reply);

        assertThat(ben.sees().received()).singleElement().satisfies(e -> assertThat(e.sender()).isEqualTo("ann"));
        assertThat(ann.sees().received()).singleElement()
                .satisfies(e -> assertThat(new String(e.payload(), StandardCharsets.UTF_8)).isEqualTo("yes, ben"));
        assertThat(ann.sees().latest(early).rtt()).isPositive();
        assertThat(ben.sees().statuses(reply)).containsExactly(MessageStatus.SENDING, MessageStatus.SENT, MessageStatus.ACKED);
    }

    @Test
    void withEveryFourthDatagramDroppedEveryMessageIsShownExactlyOnce() throws IOException {
        int pa = freePort();
        int pb = freePort();
        Side ann = side("ann", pa, pb, 4);
        Side ben = side("ben", pb, pa, 4);
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        List<UUID> fromAnn = new ArrayList<>(IntStream.range(0, 30).mapToObj(i -> ann.chat().send(("a" + i).getBytes())).toList());
        fromAnn.add(ann.chat().send(all));
        List<UUID> fromBen = IntStream.range(0, 30).mapToObj(i -> ben.chat().send(("b" + i).getBytes())).toList();
        await().atMost(DEADLINE).until(() -> fromAnn.stream().allMatch(id -> acked(ann.sees(), id))
                && fromBen.stream().allMatch(id -> acked(ben.sees(), id)));

        assertThat(ben.sees().received()).extracting(ChatEntry::id).containsExactlyInAnyOrderElementsOf(fromAnn);
        assertThat(ann.sees().received()).extracting(ChatEntry::id).containsExactlyInAnyOrderElementsOf(fromBen);
        assertThat(ben.sees().received()).filteredOn(e -> e.id().equals(fromAnn.getLast())).singleElement()
                .satisfies(e -> assertThat(e.payload()).isEqualTo(all));
        assertThat(ann.links().getFirst().dropped() + ben.links().getFirst().dropped()).isPositive();
        assertThat(ann.sees().events(NetworkEvent.Kind.RETRANSMIT)).isNotEmpty();
    }

    @Test
    void aMessageTooBigForOneDatagramFailsWithAClearReason() throws IOException {
        int pa = freePort();
        int pb = freePort();
        Side ann = side("ann", pa, pb, 0);
        side("ben", pb, pa, 0);
        await().atMost(DEADLINE).until(() -> !ann.sees().events(NetworkEvent.Kind.CONNECTED).isEmpty());
        UUID id = ann.chat().send(new byte[100_000]);
        assertThat(ann.sees().latest(id).status()).isEqualTo(MessageStatus.FAILED);
        assertThat(ann.sees().latest(id).detail())
                .matches("too big for UDP: 100\\d{3} bytes encoded, one datagram carries at most 65507 \\(--max-datagram\\); use tcp:// for larger messages");
    }

    @Test
    void aSideThatLeavesIsReportedAndGreetedAgainWhenItReturns() throws IOException {
        int pa = freePort();
        int pb = freePort();
        Side ann = side("ann", pa, pb, 0);
        Side ben = side("ben", pb, pa, 0);
        await().atMost(DEADLINE).until(() -> !ann.sees().events(NetworkEvent.Kind.CONNECTED).isEmpty());
        ben.peer().close();
        await().atMost(DEADLINE).until(() -> !ann.sees().events(NetworkEvent.Kind.DISCONNECTED).isEmpty());
        assertThat(ann.sees().events(NetworkEvent.Kind.DISCONNECTED).getFirst()).contains("ben left");

        Side again = side("ben2", pb, pa, 0);
        UUID id = again.chat().send("back".getBytes());
        awaitAcked(again.sees(), id);
        assertThat(ann.sees().received()).extracting(ChatEntry::sender).containsExactly("ben2");
    }
}
