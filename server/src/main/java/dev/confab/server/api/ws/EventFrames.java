package dev.confab.server.api.ws;

import dev.confab.protocol.WireJson;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.PresenceView;
import dev.confab.server.api.EventData;
import dev.confab.server.api.Views;
import dev.confab.server.events.UserEvent;
import java.util.function.Function;

/** Encodes a pushed event as the text frame clients receive. Stateless, thread-safe. */
public final class EventFrames implements Function<UserEvent, String> {
    private final WireJson json;
    private final EventData eventData;

    public EventFrames(WireJson json, EventData eventData) {
        this.json = json;
        this.eventData = eventData;
    }

    @Override
    public String apply(UserEvent event) {
        ServerFrame frame = switch (event) {
            case UserEvent.MessagePosted m -> new ServerFrame.Message(Views.message(m.message()));
            case UserEvent.ReceiptMoved r -> new ServerFrame.Receipt(dev.confab.server.api.Views.receipt(r.conversation(),
                    r.position()));
            case UserEvent.TypingStarted t -> new ServerFrame.Typing(t.conversation().value(), t.account().value(),
                    t.showForMillis());
            case UserEvent.AccountEventRecorded e -> new ServerFrame.Event(eventData.view(e.event()));
            case UserEvent.PresenceChanged p -> new ServerFrame.Presence(
                    new PresenceView(p.account().value(), p.username(), p.online(), p.lastSeenAt()));
        };
        return json.encode(frame);
    }
}
