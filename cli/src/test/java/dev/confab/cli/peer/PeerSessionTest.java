package dev.confab.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.peer.PeerCodec;
import dev.confab.protocol.peer.PeerEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The protocol engine without sockets: two sessions joined in memory, time moved by hand. */
class PeerSessionTest {
    private final ManualClock clock = new ManualClock();
    private final MemoryWire wire = new MemoryWire();
    private final RecordingObserver alice = new RecordingObserver();
    private final RecordingObserver bob = new RecordingObserver();
    private final AtomicReference<String> bobEnded = new AtomicReference<>();

    private void sessions(PeerSession.Mode mode, Link aliceLink, Link bobLink) {
        wire.a.session = new PeerSession(UUID.randomUUID(), mode, PeerSettings.defaults("alice"), aliceLink, alice, clock, (r, p) -> { });
        wire.b.session = new PeerSession(UUID.randomUUID(), mode, PeerSettings.defaults("bob"), bobLink, bob, clock,
                (r, p) -> bobEnded.set(r));
        wire.a.session.start();
        wire.b.session.start();
        wire.pump();
    }

    private UUID send(PeerSession from, String text) {
        UUID id = UUID.randomUUID();
        from.send(id, clock.now(), text.getBytes(StandardCharsets.UTF_8));
        return id;
    }

    @Test
    void aMessageIsReceivedOnceAndAckedWithItsRoundTrip() {
        sessions(PeerSession.Mode.DATAGRAM, wire.a, wire.b);
        UUID id = send(wire.a.session, "hello");
        clock.advance(Duration.ofMillis(3));
        wire.pump();

        assertThat(bob.received()).singleElement().satisfies(e -> {
            assertThat(new String(e.payload(), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(e.sender()).isEqualTo("alice");
        });
        assertThat(alice.statuses(id)).containsExactly(MessageStatus.SENDING, MessageStatus.SENT, MessageStatus.ACKED);
        assertThat(alice.latest(id).rtt()).isEqualTo(Duration.ofMillis(3));
        assertThat(alice.events(NetworkEvent.Kind.CONNECTED)).singleElement().asString().startsWith("connected to bob");
    }

    @Test
    void withEveryThirdDatagramLostEveryMessageArrivesExactlyOnce() {
        LossyLink aliceLossy = new LossyLink(wire.a, 3);
        LossyLink bobLossy = new LossyLink(wire.b, 3);
        wire.a.session = null;
        sessions(PeerSession.Mode.DATAGRAM, aliceLossy, bobLossy);
        for (int round = 0; round < 50 && wire.a.session.connected() == false; round++) {
            clock.advance(Duration.ofSeconds(1));
            wire.a.session.tick();
            wire.b.session.tick();
            wire.pump();
        }
        List<UUID> fromAlice = IntStream.range(0, 40).mapToObj(i -> send(wire.a.session, "a" + i)).toList();
        List<UUID> fromBob = IntStream.range(0, 40).mapToObj(i -> send(wire.b.session, "b" + i)).toList();
        for (int round = 0; round < 100; round++) {
            wire.pump();
            clock.advance(Duration.ofMillis(100));
            wire.a.session.tick();
            wire.b.session.tick();
        }
        wire.pump();

        assertThat(aliceLossy.dropped() + bobLossy.dropped()).isGreaterThan(20);
        assertThat(bob.received()).extracting(ChatEntry::id).containsExactlyInAnyOrderElementsOf(fromAlice);
        assertThat(alice.received()).extracting(ChatEntry::id).containsExactlyInAnyOrderElementsOf(fromBob);
        fromAlice.forEach(id -> assertThat(alice.latest(id).status()).isEqualTo(MessageStatus.ACKED));
        fromBob.forEach(id -> assertThat(bob.latest(id).status()).isEqualTo(MessageStatus.ACKED));
        assertThat(alice.events(NetworkEvent.Kind.RETRANSMIT)).isNotEmpty();
        assertThat(bob.events(NetworkEvent.Kind.DUPLICATE).size() + alice.events(NetworkEvent.Kind.DUPLICATE).size()).isPositive();
    }

    @Test
    void aMessageNobodyAcknowledgesFailsAfterTheDocumentedRetries() {
        List<byte[]> sent = new ArrayList<>();
        Link blackHole = new MemoryWire.End("mem://void") {
            @Override
            public void send(byte[] envelope, Runnable written) {
                sent.add(envelope);
                written.run();
            }
        };
        PeerSession s = new PeerSession(UUID.randomUUID(), PeerSession.Mode.DATAGRAM, PeerSettings.defaults("a"), blackHole, alice,
                clock, (r, p) -> { });
        s.start();
        s.receive(PeerCodec.encode(PeerCodec.envelope(UUID.randomUUID()).setHello(
                dev.confab.protocol.peer.Hello.newBuilder().setReply(true)).build()));
        UUID id = send(s, "anyone?");
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofMillis(500));
            s.tick();
        }
        long chats = sent.stream().filter(b -> parse(b).hasChat()).count();
        assertThat(chats).isEqualTo(1 + PeerSettings.DEFAULT_RETRIES);
        assertThat(alice.latest(id).status()).isEqualTo(MessageStatus.FAILED);
        assertThat(alice.latest(id).detail()).isEqualTo("no ack after 8 retransmissions");
    }

    @Test
    void overAStreamAMessageWithoutAckFailsAfterTheTimeout() {
        sessions(PeerSession.Mode.STREAM, wire.a, wire.b);
        UUID id = send(wire.a.session, "lost in the buffer");
        clock.advance(PeerSettings.DEFAULT_ACK_TIMEOUT.plusMillis(1));
        wire.a.session.tick();
        assertThat(alice.latest(id).status()).isEqualTo(MessageStatus.FAILED);
        assertThat(alice.latest(id).detail()).isEqualTo("no ack within 10000 ms");
    }

    @Test
    void aStreamThatNeverSaysHelloIsRefusedAfterTheTimeout() {
        AtomicReference<String> ended = new AtomicReference<>();
        PeerSession s = new PeerSession(UUID.randomUUID(), PeerSession.Mode.STREAM, PeerSettings.defaults("a"), wire.a, alice,
                clock, (r, p) -> ended.set(r));
        wire.a.session = s;
        s.tick(); // ticked before start(), as a listener's timer may do
        s.start();
        clock.advance(PeerSettings.DEFAULT_ACK_TIMEOUT.minusMillis(1));
        s.tick();
        assertThat(s.closed()).isFalse();
        clock.advance(Duration.ofMillis(2));
        s.tick();
        assertThat(s.closed()).isTrue();
        assertThat(ended.get()).isEqualTo("no Hello within 10000 ms of connecting");
    }

    @Test
    void aMessageTooBigForTheLinkFailsWithTheReason() {
        sessions(PeerSession.Mode.DATAGRAM, wire.a, wire.b);
        UUID id = UUID.randomUUID();
        wire.a.session.send(id, clock.now(), new byte[70_000]);
        assertThat(alice.latest(id).status()).isEqualTo(MessageStatus.FAILED);
        assertThat(alice.latest(id).detail()).startsWith("too big: ");
    }

    @Test
    void aMessageTooBigForTheOtherSideFailsBeforeItIsSent() {
        wire.b.maxEnvelopeBytes = 1000;
        sessions(PeerSession.Mode.STREAM, wire.a, wire.b);
        UUID id = UUID.randomUUID();
        wire.a.session.send(id, clock.now(), new byte[5000]);
        assertThat(alice.latest(id).detail()).matches("too big for the other side: 51\\d\\d bytes, it accepts at most 1000");
        assertThat(wire.b.inboxEmpty()).isTrue();
    }

    @Test
    void anotherVersionIsRefusedAndAStreamSessionEnds() {
        sessions(PeerSession.Mode.STREAM, wire.a, wire.b);
        byte[] future = PeerCodec.encode(PeerCodec.envelope(UUID.randomUUID()).setVersion(2)
                .setBye(dev.confab.protocol.peer.Bye.getDefaultInstance()).build());
        wire.b.session.receive(future);
        wire.pump();

        assertThat(bobEnded.get()).isEqualTo("the other side speaks peer wire version 2; this side speaks 1");
        assertThat(wire.b.session.closed()).isTrue();
        assertThat(alice.events(NetworkEvent.Kind.REFUSED)).singleElement().asString()
                .contains("the other side speaks peer wire version 2").contains("[peer.version]");
    }

    @Test
    void garbageIsRefusedButADatagramSessionGoesOn() {
        sessions(PeerSession.Mode.DATAGRAM, wire.a, wire.b);
        wire.b.session.receive(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
        assertThat(bob.events(NetworkEvent.Kind.ERROR)).singleElement().asString()
                .startsWith("refused input from mem://a: not a Confab peer message");
        wire.a.inboxClear(); // the refusal, which a real sender of garbage would receive
        UUID id = send(wire.a.session, "still here");
        wire.pump();
        assertThat(alice.latest(id).status()).isEqualTo(MessageStatus.ACKED);
    }

    private static PeerEnvelope parse(byte[] bytes) {
        try {
            return PeerEnvelope.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
