package dev.confab.client;

import dev.confab.protocol.model.EventPage;
import dev.confab.protocol.model.EventView;
import dev.confab.protocol.model.MessagePage;
import dev.confab.protocol.model.MessageView;
import java.util.List;

/**
 * One forward page of a seq-numbered stream, ascending. When {@code hasMore}, the next page starts
 * after {@code cursor}, or after the last item when the server gave no cursor. {@code firstSeq} is the
 * lowest seq the reader may see (history before joining a group lies below it): seqs under it are
 * not a gap.
 *
 * @param <T> the items
 */
record SeqPage<T>(List<T> items, boolean hasMore, Long cursor, long firstSeq) {

    SeqPage {
        items = items == null ? List.of() : items;
    }

    /** A page of messages of one conversation. */
    static SeqPage<MessageView> of(MessagePage page) {
        return new SeqPage<>(page.messages(), page.hasMore(), page.cursor(), page.firstSeq());
    }

    /** A page of the event log. */
    static SeqPage<EventView> of(EventPage page) {
        return new SeqPage<>(page.events(), page.hasMore(), page.cursor(), 1);
    }
}
