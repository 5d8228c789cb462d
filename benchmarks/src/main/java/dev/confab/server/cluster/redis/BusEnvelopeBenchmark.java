package dev.confab.server.cluster.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.protocol.WireJson;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.api.EventData;
import dev.confab.server.api.ws.EventFrames;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.events.UserEvent;
import dev.confab.server.messages.Message;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cluster bus envelope of one message to N recipients, as {@link RedisClusterBus} builds and reads
 * it (this class sits in the same package because {@link BusEnvelope} is package-private). The Redis
 * round trip itself is not included.
 *
 * <ul>
 *   <li>{@code encode}: the publishing side after the local delivery: recipients to {@code long[]}, the
 *       envelope, JSON text.</li>
 *   <li>{@code decode}: each other node: JSON text to envelope, recipients back to account ids for
 *       {@code deliverFrame}.</li>
 *   <li>{@code encodeDecode}: both, one after the other.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BusEnvelopeBenchmark {
    private static final String NODE_ID = "node-7f3c9a2e";

    @Param({"100", "10000"})
    public int recipients;

    /** Configured as RedisClusterBus configures its own (private) mapper. */
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private List<AccountId> accounts;
    private String frame;
    private String encoded;

    @Setup
    public void setUp() throws JsonProcessingException {
        // As MemberCache hands them out: an immutable list.
        accounts = List.copyOf(LongStream.rangeClosed(1, recipients).map(i -> 10_000 + i * 7).mapToObj(AccountId::new).toList());
        WireJson wire = new WireJson();
        Message message = new Message(98_311, new ConversationId(1207), 5_412, new AccountId(31), "device-1",
                "0b6f3c1e-6a4e-4d2c-9a59-3f1f0c7d2b11", "text/plain",
                "Lunch at noon? The place on the corner has a table for four, I booked it for us.",
                Instant.parse("2026-11-21T20:30:35.258Z"), false);
        frame = new EventFrames(wire, new EventData(wire, Clock.systemUTC()))
                .apply(new UserEvent.MessagePosted(message, null));
        encoded = encode();
        BusEnvelope back = json.readValue(encoded, BusEnvelope.class);
        if (back.kind() != BusEnvelope.Kind.DELIVER || !frame.equals(back.frame()) || !accounts.equals(decode())) {
            throw new IllegalStateException("envelope did not round-trip");
        }
    }

    @Benchmark
    public String encode() throws JsonProcessingException {
        long[] to = accounts.stream().mapToLong(AccountId::value).toArray();
        return json.writeValueAsString(BusEnvelope.deliver(NODE_ID, to, frame));
    }

    @Benchmark
    public List<AccountId> decode() throws JsonProcessingException {
        return recipientsOf(json.readValue(encoded, BusEnvelope.class));
    }

    @Benchmark
    public void encodeDecode(Blackhole bh) throws JsonProcessingException {
        bh.consume(recipientsOf(json.readValue(encode(), BusEnvelope.class)));
    }

    private static List<AccountId> recipientsOf(BusEnvelope e) {
        if (e.frame() == null) {
            throw new IllegalStateException("no frame");
        }
        return Arrays.stream(e.to()).mapToObj(AccountId::new).toList();
    }
}
