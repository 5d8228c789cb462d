package dev.confab.protocol.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PeerCodecTest {
    private final UUID sender = UUID.randomUUID();

    private PeerEnvelope chat(byte[] payload) {
        return PeerCodec.envelope(sender).setChat(ChatMessage.newBuilder()
                .setMessageId(UUID.randomUUID().toString()).setConversationId(UUID.randomUUID().toString())
                .setSentAtMillis(1_700_000_000_000L).setAttempt(1).setPayload(ByteString.copyFrom(payload))).build();
    }

    @Test
    void everyByteValueSurvivesARoundTrip() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        PeerEnvelope decoded = PeerCodec.decode(PeerCodec.encode(chat(all)));
        assertThat(decoded.getChat().getPayload().toByteArray()).isEqualTo(all);
        assertThat(PeerCodec.uuid(decoded.getSenderId())).isEqualTo(sender);
    }

    @Test
    void anEmptyPayloadIsAMessage() throws Exception {
        assertThat(PeerCodec.decode(PeerCodec.encode(chat(new byte[0]))).getChat().getPayload().isEmpty()).isTrue();
    }

    @Test
    void garbageIsRefusedAsMalformed() {
        byte[] http = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (byte[] input : new byte[][] {http, {(byte) 0xff, (byte) 0xff, (byte) 0xff}, {}}) {
            assertThatThrownBy(() -> PeerCodec.decode(input))
                    .isInstanceOfSatisfying(PeerWireException.class,
                            e -> assertThat(e.kind()).isEqualTo(PeerWireException.Kind.MALFORMED))
                    .hasMessageStartingWith("not a Confab peer message");
        }
    }

    @Test
    void anotherVersionIsRefusedWithBothVersionsNamed() {
        byte[] future = PeerCodec.encode(chat(new byte[] {1}).toBuilder().setVersion(2).build());
        assertThatThrownBy(() -> PeerCodec.decode(future))
                .isInstanceOfSatisfying(PeerWireException.class,
                        e -> assertThat(e.kind()).isEqualTo(PeerWireException.Kind.VERSION))
                .hasMessage("the other side speaks peer wire version 2; this side speaks 1");
    }

    @Test
    void aRefusalIsReadableWhateverItsVersion() throws Exception {
        byte[] refusal = PeerCodec.encode(PeerEnvelope.newBuilder().setVersion(7)
                .setRefusal(Refusal.newBuilder().setCode("peer.version").setMessage("speak 7")).build());
        assertThat(PeerCodec.decode(refusal).getRefusal().getMessage()).isEqualTo("speak 7");
    }

    @Test
    void invalidIdsAndMissingBodiesAreMalformed() {
        byte[] badId = PeerCodec.encode(chat(new byte[0]).toBuilder()
                .setChat(chat(new byte[0]).getChat().toBuilder().setMessageId("not-a-uuid")).build());
        byte[] noBody = PeerCodec.encode(PeerCodec.envelope(sender).build());
        assertThatThrownBy(() -> PeerCodec.decode(badId)).hasMessage("peer message with an invalid message id");
        assertThatThrownBy(() -> PeerCodec.decode(noBody)).hasMessage("peer message without a body");
    }
}
