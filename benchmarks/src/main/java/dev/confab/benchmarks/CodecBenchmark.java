package dev.confab.benchmarks;

import dev.confab.protocol.WireJson;
import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.SendAck;
import java.time.Instant;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The wire codec on the frames every message passes through: the client's {@code send} decoded by the
 * server, the {@code ack} and the {@code message} push encoded by the server, and a {@code message}
 * push decoded by a client. The frames are the ones in docs/protocol.md with a typical chat body.
 *
 * <p>Run as {@link CodecThroughputBenchmark} (ops/s) and {@link CodecAverageTimeBenchmark} (ns/op):
 * the same methods, two report units.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class CodecBenchmark {
    static final String BODY = "Lunch at noon? The place on the corner has a table for four, I booked it for us.";
    static final Instant SENT_AT = Instant.parse("2026-11-21T20:30:35.258Z");

    private WireJson json;
    private String sendFrame;
    private ServerFrame messageFrame;
    private ServerFrame ackFrame;
    private String messageFrameText;

    @Setup
    public void setUp() {
        json = new WireJson();
        sendFrame = "{\"type\":\"send\",\"id\":\"r-1042\",\"clientMessageId\":\"0b6f3c1e-6a4e-4d2c-9a59-3f1f0c7d2b11\","
                + "\"conversationId\":1207,\"contentType\":\"text/plain\",\"body\":\"" + BODY + "\"}";
        MessageView view = new MessageView(98_311, 1207, 5_412, 31, "0b6f3c1e-6a4e-4d2c-9a59-3f1f0c7d2b11",
                "text/plain", BODY, SENT_AT);
        messageFrame = new ServerFrame.Message(view);
        ackFrame = new ServerFrame.Ack("r-1042", new SendAck(view.clientMessageId(), view.id(), view.conversationId(),
                view.seq(), view.sentAt()));
        messageFrameText = json.encode(messageFrame);

        // The benchmarks must measure the successful path, not an exception.
        if (!(json.decodeClientFrame(sendFrame) instanceof ClientFrame.Send s) || !BODY.equals(s.body())) {
            throw new IllegalStateException("send frame did not decode as expected");
        }
        if (!messageFrame.equals(json.decodeServerFrame(messageFrameText))) {
            throw new IllegalStateException("message frame did not round-trip");
        }
        if (!json.encode(ackFrame).startsWith("{\"type\":\"ack\"")) {
            throw new IllegalStateException("ack frame encoded unexpectedly");
        }
    }

    /** Server side: a client's {@code send} frame, text to frame object. */
    @Benchmark
    public ClientFrame decodeSendFrame() {
        return json.decodeClientFrame(sendFrame);
    }

    /** Server side: the {@code message} push (a MessageView), encoded once per committed message. */
    @Benchmark
    public String encodeMessageFrame() {
        return json.encode(messageFrame);
    }

    /** Server side: the {@code ack} answering a {@code send}. */
    @Benchmark
    public String encodeAckFrame() {
        return json.encode(ackFrame);
    }

    /** Client side: a {@code message} push, the most frequent server frame, text to frame object. */
    @Benchmark
    public ServerFrame decodeMessageFrame() {
        return json.decodeServerFrame(messageFrameText);
    }
}
