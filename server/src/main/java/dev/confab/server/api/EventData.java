package dev.confab.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.protocol.WireJson;
import dev.confab.protocol.model.EventView;
import dev.confab.protocol.model.FriendRequestView;
import dev.confab.server.events.AccountEvent;
import dev.confab.server.events.AccountEventEncoder;
import dev.confab.server.events.RecordedEvent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wire form of account events: the JSON stored in the event log and sent as an event's
 * {@code data}. Request events carry {@code request} (a FriendRequestView, as at the time of the
 * event); friend events carry {@code userId} (and {@code remark}); profile events carry {@code user}.
 */
public final class EventData implements AccountEventEncoder {
    private final WireJson json;
    private final Clock clock;

    public EventData(WireJson json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String encode(AccountEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        switch (event) {
            case AccountEvent.FriendRequestReceived e -> data.put("request", request(e.request()));
            case AccountEvent.FriendRequestSent e -> data.put("request", request(e.request()));
            case AccountEvent.FriendRequestAccepted e -> data.put("request", request(e.request()));
            case AccountEvent.FriendRequestDeclined e -> data.put("request", request(e.request()));
            case AccountEvent.FriendRequestCancelled e -> data.put("request", request(e.request()));
            case AccountEvent.FriendRemoved e -> data.put("userId", e.friend().value());
            case AccountEvent.FriendRemarkChanged e -> {
                data.put("userId", e.friend().value());
                data.put("remark", e.remark());
            }
            case AccountEvent.UserBlocked e -> data.put("userId", e.user().value());
            case AccountEvent.UserUnblocked e -> data.put("userId", e.user().value());
            case AccountEvent.ProfileChanged e -> data.put("user", Views.user(e.profile()));
        }
        return json.encode(data);
    }

    /** A stored event as clients receive it. */
    public EventView view(RecordedEvent event) {
        JsonNode data = json.tree(event.data());
        return new EventView(event.seq(), event.type(), event.at(), data);
    }

    /** A page of stored events; the cursor is the last seq returned, to pass as the next {@code after}. */
    public dev.confab.protocol.model.EventPage page(dev.confab.server.events.EventSlice slice) {
        var views = slice.events().stream().map(this::view).toList();
        Long cursor = slice.hasMore() && !views.isEmpty() ? views.getLast().seq() : null;
        return new dev.confab.protocol.model.EventPage(views, slice.hasMore(), cursor);
    }

    private FriendRequestView request(dev.confab.server.contacts.FriendRequestDetails details) {
        return ContactViews.request(details, clock.instant());
    }
}
