package dev.confab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.cli.ConfabCommand;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every scenario of {@code confab bench} runs end to end, small, against a server it starts (and the
 * relay where it applies), and reports nothing lost. Figures are not checked: timings belong in
 * docs/performance.md, not in tests.
 */
class BenchSmokeTest {
    @TempDir
    Path dir;

    private JsonNode bench(String... args) throws Exception {
        Path json = dir.resolve("result.json");
        String[] all = new String[args.length + 3];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--json";
        all[args.length + 2] = json.toString();
        assertThat(new CommandLine(new ConfabCommand()).execute(all)).isZero();
        return new ObjectMapper().readTree(json.toFile()).path("results");
    }

    @Test
    void directMessagesArriveAgainstTheServerAndTheRelay() throws Exception {
        JsonNode r = bench("direct", "--baseline", "--pairs", "20", "--rate", "200", "--warmup", "1s", "--duration", "2s");
        for (String target : new String[] {"confab", "relay"}) {
            assertThat(r.path(target).path("lost").asLong()).isZero();
            assertThat(r.path(target).path("errors").asLong()).isZero();
            assertThat(r.path(target).path("received").asLong()).isEqualTo(r.path(target).path("acked").asLong()).isPositive();
            assertThat(r.path(target).path("endToEnd").path("count").asLong()).isPositive();
        }
        assertThat(r.path("confab/relay").path("ackedPerSecond share").isNumber()).isTrue();
    }

    @Test
    void roomMessagesReachEveryMember() throws Exception {
        JsonNode r = bench("room", "--rooms", "2", "--members", "20", "--senders", "2", "--rate", "50", "--warmup", "1s",
                "--duration", "2s").path("confab");
        assertThat(r.path("deliveriesMissing").asLong()).isZero();
        assertThat(r.path("deliveries").asLong()).isEqualTo(r.path("acked").asLong() * 19).isPositive();
    }

    @Test
    void connectionsAreHeldAndMemoryIsReported() throws Exception {
        JsonNode r = bench("connections", "--count", "200", "--hold", "1s").path("confab");
        assertThat(r.path("openAfterHold").asInt()).isEqualTo(200);
        assertThat(r.path("rssPerConnectionKiB").isNumber()).isTrue();
    }

    @Test
    void connectionsCanBeSpreadOverWorkerProcesses() throws Exception {
        JsonNode r = bench("connections", "--count", "200", "--hold", "1s", "--workers", "2", "--source-addresses", "2")
                .path("confab");
        assertThat(r.path("connected").asInt()).isEqualTo(200);
        assertThat(r.path("openAfterHold").asInt()).isEqualTo(200);
    }

    @Test
    void heldConnectionsCanCarryMessagesBetweenWorkerProcessesFigures() throws Exception {
        JsonNode r = bench("connections", "--count", "200", "--hold", "3s", "--workers", "2", "--source-addresses", "2",
                "--rate", "100").path("confab");
        assertThat(r.path("openAfterHold").asInt()).isEqualTo(200);
        JsonNode messages = r.path("messages");
        assertThat(messages.path("sent").asLong()).isPositive();
        assertThat(messages.path("acked").asLong()).isEqualTo(messages.path("sent").asLong());
        assertThat(messages.path("received").asLong()).isEqualTo(messages.path("acked").asLong());
        assertThat(messages.path("errors").asLong()).isZero();
        assertThat(messages.path("lost").asLong()).isZero();
        assertThat(messages.path("endToEnd").path("count").asLong()).isEqualTo(messages.path("received").asLong());
        assertThat(messages.path("endToEnd").path("p50Ms").asDouble()).isPositive();
    }

    @Test
    void aStormLosesNothing() throws Exception {
        JsonNode r = bench("storm", "--clients", "100", "--messages", "2").path("confab");
        assertThat(r.path("resyncedClients").asInt()).isEqualTo(100);
        assertThat(r.path("messagesMissing").asLong()).isZero();
        assertThat(r.path("secondsUntilAllResynced").asDouble()).isPositive();
    }
}
