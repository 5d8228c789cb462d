package dev.confab.server.contacts;

import dev.confab.server.cluster.EventBus;
import dev.confab.server.events.RecordedEvent;
import dev.confab.server.events.UserEvent;
import java.util.List;

/** Pushes the events of a committed contact change to their recipients' live connections. */
public final class ContactEvents {
    private final EventBus bus;

    public ContactEvents(EventBus bus) {
        this.bus = bus;
    }

    /** Publishes {@code committed}'s events (already durable) and returns its result. */
    public <R> R commit(ContactStore.Committed<R> committed) {
        for (RecordedEvent event : committed.events()) {
            bus.publish(List.of(event.recipient()), new UserEvent.AccountEventRecorded(event));
        }
        return committed.result();
    }
}
