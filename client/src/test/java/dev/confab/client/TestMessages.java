package dev.confab.client;

import dev.confab.protocol.model.MessageView;
import java.time.Instant;
import java.util.List;

/** Messages for tests, identified by conversation and seq. */
final class TestMessages {
    private TestMessages() {
    }

    static MessageView message(long conversationId, long seq) {
        return new MessageView(conversationId * 1000 + seq, conversationId, seq, 42, null, "text/plain",
                "message " + seq, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(seq));
    }

    static List<MessageView> messages(long conversationId, long fromSeq, long toSeq) {
        return java.util.stream.LongStream.rangeClosed(fromSeq, toSeq).mapToObj(seq -> message(conversationId, seq)).toList();
    }

    static List<Long> seqs(List<MessageView> messages) {
        return messages.stream().map(MessageView::seq).toList();
    }
}
