package dev.confab.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.confab.protocol.model.EventPage;
import dev.confab.protocol.model.EventView;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

/** Event log entries for tests, identified by seq. */
final class TestEvents {
    private TestEvents() {
    }

    static EventView event(long seq) {
        return new EventView(seq, "friend_request.received", Instant.parse("2025-01-01T00:00:00Z").plusSeconds(seq),
                JsonNodeFactory.instance.objectNode().put("from", "user-" + seq));
    }

    static List<EventView> events(long fromSeq, long toSeq) {
        return LongStream.rangeClosed(fromSeq, toSeq).mapToObj(TestEvents::event).toList();
    }

    /** A page of the events {@code fromSeq..toSeq}; when {@code hasMore}, its cursor is the last seq. */
    static EventPage page(long fromSeq, long toSeq, boolean hasMore) {
        return new EventPage(events(fromSeq, toSeq), hasMore, hasMore ? toSeq : null);
    }

    static List<Long> seqs(List<EventView> events) {
        return events.stream().map(EventView::seq).toList();
    }
}
