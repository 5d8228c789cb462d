package dev.confab.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.protocol.model.EventView;
import java.util.function.LongFunction;

/**
 * One translated sentence for an entry of the account's event log (friend requests, friendships,
 * blocks, profiles), as seen by the account {@code me}.
 */
public final class EventText {
    private final Texts texts;
    private final LongFunction<String> names;

    public EventText(Texts texts, LongFunction<String> names) {
        this.texts = texts;
        this.names = names;
    }

    public String describe(EventView event, long me) {
        JsonNode data = event.data();
        JsonNode request = data == null ? null : data.get("request");
        String from = request == null ? "" : request.path("from").path("username").asText();
        String to = request == null ? "" : request.path("to").path("username").asText();
        String other = request == null ? "" : request.path("from").path("id").asLong() == me ? to : from;
        String user = data == null ? "" : data.has("user") ? data.path("user").path("username").asText()
                : data.has("userId") ? names.apply(data.path("userId").asLong()) : "";
        String message = request == null ? "" : request.path("message").asText("");
        return switch (event.type()) {
            case "friend_request.received" -> texts.get(message.isEmpty() ? "event.request_received"
                    : "event.request_received_message", from, message);
            case "friend_request.sent" -> texts.get("event.request_sent", to);
            case "friend_request.accepted" -> texts.get("event.request_accepted", other);
            case "friend_request.declined" -> texts.get(request.path("from").path("id").asLong() == me
                    ? "event.request_declined_by" : "event.request_declined", other);
            case "friend_request.cancelled" -> texts.get("event.request_cancelled", other);
            case "friend.removed" -> texts.get("event.friend_removed", user);
            case "friend.remark_changed" -> texts.get("event.remark_changed", user);
            case "contact.blocked" -> texts.get("event.blocked", user);
            case "contact.unblocked" -> texts.get("event.unblocked", user);
            case "profile.changed" -> texts.get("event.profile_changed", user);
            default -> texts.get("event.unknown", event.type());
        };
    }
}
