package dev.confab.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/** The terminal view's layout, without a terminal. */
class ChatScreenTest {
    private final ChatScreen screen = new ChatScreen("lisa");

    private static ChatEntry entry(UUID id, boolean mine, String text, MessageStatus status, Duration rtt) {
        return new ChatEntry(id, Instant.parse("2025-01-01T10:00:00Z"), mine ? "me" : "carl", mine,
                text.getBytes(StandardCharsets.UTF_8), status, rtt, null);
    }

    @Test
    void panesShowChatWithStatusAndRoundTripNetworkAndApplicationEventsAndTheInputLine() {
        UUID mine = UUID.randomUUID();
        screen.chat(entry(mine, true, "hello carl", MessageStatus.SENDING, null));
        screen.chat(entry(mine, true, "hello carl", MessageStatus.ACKED, Duration.ofNanos(420_000)));
        screen.chat(entry(UUID.randomUUID(), false, "hi lisa", MessageStatus.RECEIVED, null));
        screen.chat(new ChatEntry(UUID.randomUUID(), Instant.now(), "carl", false, new byte[] {0, 1, (byte) 0xff},
                MessageStatus.RECEIVED, null, null));
        screen.network(new NetworkEvent(NetworkEvent.Kind.CONNECTED, "connected to carl at tcp://127.0.0.1:5000"));
        screen.network(new NetworkEvent(NetworkEvent.Kind.RETRANSMIT, "retransmitting 1234abcd (attempt 2 of 9)"));
        screen.application("peer id 42");
        screen.input().append("typing…");

        List<String> rows = screen.render(24, 80).stream().map(AttributedString::toString).toList();

        assertThat(rows).hasSize(24).allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(80));
        assertThat(rows.get(0)).startsWith(" Confab peer · lisa");
        assertThat(rows.get(1)).isEqualTo("connected  connected to carl at tcp://127.0.0.1:5000");
        assertThat(rows).filteredOn(r -> r.contains("hello carl")).singleElement().asString()
                .contains(" me ").endsWith("ACKED 0.42 ms");
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("carl").contains("hi lisa").endsWith("RECEIVED"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("(3 B of binary data)"));
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("retransmit  retransmitting 1234abcd"));
        assertThat(rows).anySatisfy(r -> assertThat(r).endsWith("peer id 42"));
        assertThat(rows.getLast()).isEqualTo("> typing…");
        assertThat(screen.cursorColumn(80)).isEqualTo(9);
        assertThat(screen.transcript(80)).hasSize(3);
    }

    @Test
    void aTinyTerminalStillGetsEveryPaneTitleAndTheInputLine() {
        List<String> rows = screen.render(8, 20).stream().map(AttributedString::toString).toList();
        assertThat(rows).hasSize(8);
        assertThat(rows.getLast()).startsWith("> ");
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith(" network"));
    }
}
