package dev.confab.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.model.SendAck;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PendingSendsTest {
    private final PendingSends sends = new PendingSends(2);

    @Test
    void transmitsInOrderWithinTheWindow() {
        sends.add(send("a"));
        sends.add(send("b"));
        sends.add(send("c"));

        assertThat(clientIds(sends.takeTransmittable())).containsExactly("a", "b");
        assertThat(sends.takeTransmittable()).isEmpty();
        assertThat(sends.inFlight()).isEqualTo(2);
    }

    @Test
    void anAckCompletesTheSendAndOpensTheWindowForTheNext() {
        CompletableFuture<SendAck> a = sends.add(send("a"));
        sends.add(send("b"));
        sends.add(send("c"));
        sends.takeTransmittable();

        assertThat(sends.acknowledge(ack("a", 1))).isTrue();

        assertThat(a).isCompletedWithValue(ack("a", 1));
        assertThat(clientIds(sends.takeTransmittable())).containsExactly("c");
    }

    @Test
    void afterALostConnectionEveryUnackedSendIsTransmittedAgainInOriginalOrderWithItsOwnId() {
        PendingSends wide = new PendingSends(10);
        wide.add(send("a"));
        wide.add(send("b"));
        wide.add(send("c"));
        List<ClientFrame.Send> first = wide.takeTransmittable();
        wide.acknowledge(ack("b", 2));
        wide.add(send("d"));

        wide.connectionLost();

        List<ClientFrame.Send> again = wide.takeTransmittable();
        assertThat(clientIds(first)).containsExactly("a", "b", "c");
        assertThat(clientIds(again)).containsExactly("a", "c", "d");
        assertThat(again.get(0)).isSameAs(first.get(0));
        assertThat(again.get(1)).isSameAs(first.get(2));
    }

    @Test
    void aLostConnectionBeforeAnyTransmissionChangesNothing() {
        sends.add(send("a"));

        sends.connectionLost();

        assertThat(clientIds(sends.takeTransmittable())).containsExactly("a");
    }

    @Test
    void aSendWithTheIdOfAPendingOneJoinsIt() {
        CompletableFuture<SendAck> first = sends.add(send("a"));
        CompletableFuture<SendAck> second = sends.add(send("a"));

        assertThat(second).isSameAs(first);
        assertThat(sends.size()).isEqualTo(1);
    }

    @Test
    void aRefusedSendFailsAndIsNotTransmittedAgain() {
        CompletableFuture<SendAck> a = sends.add(send("a"));
        sends.add(send("b"));
        sends.takeTransmittable();
        ConfabApiException refusal = new ConfabApiException(413, "message.too_long", "too long");

        assertThat(sends.fail("a", refusal)).isTrue();
        sends.connectionLost();

        assertThat(a).isCompletedExceptionally();
        assertThat(a.exceptionNow()).isSameAs(refusal);
        assertThat(clientIds(sends.takeTransmittable())).containsExactly("b");
    }

    @Test
    void unknownAcksAndFailuresAreIgnored() {
        assertThat(sends.acknowledge(ack("x", 1))).isFalse();
        assertThat(sends.fail("x", new RuntimeException())).isFalse();
    }

    @Test
    void failAllFailsEverySend() {
        CompletableFuture<SendAck> a = sends.add(send("a"));
        CompletableFuture<SendAck> b = sends.add(send("b"));
        sends.takeTransmittable();
        ConfabConnectionException closed = new ConfabConnectionException("closed");

        sends.failAll(closed);

        assertThat(a.exceptionNow()).isSameAs(closed);
        assertThat(b.exceptionNow()).isSameAs(closed);
        assertThat(sends.size()).isZero();
        assertThat(sends.inFlight()).isZero();
    }

    private static ClientFrame.Send send(String clientMessageId) {
        return new ClientFrame.Send(null, clientMessageId, 7L, null, null, "body " + clientMessageId);
    }

    private static SendAck ack(String clientMessageId, long seq) {
        return new SendAck(clientMessageId, 100 + seq, 7, seq, Instant.parse("2025-01-01T00:00:00Z"));
    }

    private static List<String> clientIds(List<ClientFrame.Send> frames) {
        return frames.stream().map(ClientFrame.Send::clientMessageId).toList();
    }
}
