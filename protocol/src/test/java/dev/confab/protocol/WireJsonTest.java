package dev.confab.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.SendAck;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WireJsonTest {
    private final WireJson json = new WireJson();

    @Test
    void decodesFramesByType() {
        ClientFrame frame = json.decodeClientFrame(
                "{\"type\":\"send\",\"id\":\"7\",\"clientMessageId\":\"c\",\"to\":\"bob\",\"body\":\"hi\",\"extra\":1}");
        assertThat(frame).isEqualTo(new ClientFrame.Send("7", "c", null, "bob", null, "hi"));
    }

    @Test
    void unknownTypesAndBadJsonKeepTheRequestIdWhenTheyCan() {
        assertThatThrownBy(() -> json.decodeClientFrame("{\"type\":\"warp\",\"id\":\"r9\"}"))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_UNKNOWN_TYPE);
                    assertThat(e.requestId()).isEqualTo("r9");
                });
        assertThatThrownBy(() -> json.decodeClientFrame("[1,2]"))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_INVALID_JSON));
        assertThatThrownBy(() -> json.decodeClientFrame("{\"id\":\"x\"}"))
                .isInstanceOfSatisfying(WireFormatException.class, e -> assertThat(e.requestId()).isEqualTo("x"));
    }

    @Test
    void scalarsAreNotCoerced() {
        for (String bad : new String[] {"{\"type\":\"read\",\"id\":\"1\",\"conversationId\":\"1\",\"seq\":2}",
                "{\"type\":\"read\",\"id\":\"1\",\"conversationId\":1.5,\"seq\":2}",
                "{\"type\":\"send\",\"id\":\"1\",\"clientMessageId\":\"c\",\"to\":\"bob\",\"body\":17}"}) {
            assertThatThrownBy(() -> json.decodeClientFrame(bad)).as(bad)
                    .isInstanceOfSatisfying(WireFormatException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_INVALID);
                        assertThat(e.requestId()).isEqualTo("1");
                    });
        }
    }

    @Test
    void serverFramesRoundTripWithIsoTimes() {
        var ack = new ServerFrame.Ack("1", new SendAck("c", 5, 2, 9, Instant.parse("2026-01-02T03:04:05.678Z")));
        String text = json.encode(ack);
        assertThat(text).contains("\"type\":\"ack\"").contains("\"sentAt\":\"2026-01-02T03:04:05.678Z\"");
        assertThat(json.decodeServerFrame(text)).isEqualTo(ack);
    }
}
