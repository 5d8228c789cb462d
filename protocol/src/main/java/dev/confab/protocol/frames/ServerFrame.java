package dev.confab.protocol.frames;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.confab.protocol.model.ConversationView;
import dev.confab.protocol.model.EventPage;
import dev.confab.protocol.model.EventView;
import dev.confab.protocol.model.MessagePage;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.PresenceView;
import dev.confab.protocol.model.ReceiptView;
import dev.confab.protocol.model.SendAck;
import java.time.Instant;
import java.util.List;

/**
 * A frame the server sends. Answers carry the {@code id} of the request they answer; pushes
 * ({@code hello}, {@code message}, {@code event}, {@code receipt}, {@code typing}, {@code presence},
 * {@code goaway}, {@code resync}, {@code session.replaced}) carry none.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerFrame.Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = ServerFrame.Ack.class, name = "ack"),
        @JsonSubTypes.Type(value = ServerFrame.Message.class, name = "message"),
        @JsonSubTypes.Type(value = ServerFrame.Messages.class, name = "messages"),
        @JsonSubTypes.Type(value = ServerFrame.Conversations.class, name = "conversations"),
        @JsonSubTypes.Type(value = ServerFrame.Presence.class, name = "presence"),
        @JsonSubTypes.Type(value = ServerFrame.PresenceResult.class, name = "presence.result"),
        @JsonSubTypes.Type(value = ServerFrame.Ok.class, name = "ok"),
        @JsonSubTypes.Type(value = ServerFrame.Pong.class, name = "pong"),
        @JsonSubTypes.Type(value = ServerFrame.Error.class, name = "error"),
        @JsonSubTypes.Type(value = ServerFrame.GoAway.class, name = "goaway"),
        @JsonSubTypes.Type(value = ServerFrame.Event.class, name = "event"),
        @JsonSubTypes.Type(value = ServerFrame.Receipt.class, name = "receipt"),
        @JsonSubTypes.Type(value = ServerFrame.Typing.class, name = "typing"),
        @JsonSubTypes.Type(value = ServerFrame.Events.class, name = "events"),
        @JsonSubTypes.Type(value = ServerFrame.Resync.class, name = "resync"),
        @JsonSubTypes.Type(value = ServerFrame.SessionReplaced.class, name = "session.replaced"),
})
public sealed interface ServerFrame {

    /**
     * First frame on every connection. {@code lastEventSeq} is the seq of the caller's newest event: a
     * client that has processed less syncs events from where it stopped.
     */
    record Hello(long userId, String sessionId, String deviceId, Instant serverTime, int heartbeatSeconds,
                 int maxMessageChars, long lastEventSeq) implements ServerFrame {
    }

    /** A member's delivered or read position moved (also sent to the member's own other devices). */
    record Receipt(ReceiptView receipt) implements ServerFrame {
    }

    /** Someone is typing; hide the indicator after {@code expiresInMillis} unless it is repeated. Never stored. */
    record Typing(long conversationId, long userId, long expiresInMillis) implements ServerFrame {
    }

    /** A new entry in the caller's event log (friend requests, friendships, blocks, profiles). */
    record Event(EventView event) implements ServerFrame {
    }

    /** Answer to {@code events}. */
    record Events(String id, EventPage page) implements ServerFrame {
    }

    /** The message of request {@code id} is committed. */
    record Ack(String id, SendAck ack) implements ServerFrame {
    }

    /** A live message in one of the caller's conversations (including the caller's own, from other devices). */
    record Message(MessageView message) implements ServerFrame {
    }

    /** Answer to {@code sync} or {@code history}. */
    record Messages(String id, MessagePage page) implements ServerFrame {
    }

    /** Answer to {@code conversations}: one page; when {@code hasMore}, ask again with {@code before = cursor}. */
    record Conversations(String id, List<ConversationView> conversations, boolean hasMore, String cursor)
            implements ServerFrame {
    }

    /** A friend of the caller (who has not blocked the caller) came online or went offline. */
    record Presence(PresenceView presence) implements ServerFrame {
    }

    /** Answer to {@code presence.query}. */
    record PresenceResult(String id, List<PresenceView> presence) implements ServerFrame {
    }

    /** Answer to a request that returns nothing else. */
    record Ok(String id) implements ServerFrame {
    }

    /** Answer to {@code ping}. */
    record Pong(String id, Instant serverTime) implements ServerFrame {
    }

    /** The request {@code id} (null when it could not be read) failed; the connection stays open. */
    record Error(String id, String code, String message) implements ServerFrame {
    }

    /** The server is shutting down: reconnect after {@code reconnectAfterMillis}, then sync. */
    record GoAway(String reason, long reconnectAfterMillis) implements ServerFrame {
    }

    /**
     * Live pushes to this connection may have been missed (in a cluster, the bus between nodes was
     * briefly unreachable). Nothing is lost: catch up every conversation and the event log by seq,
     * exactly as after a reconnect. The connection stays open.
     */
    record Resync(String reason) implements ServerFrame {
    }

    /**
     * The account signed in on another device and the server keeps one session per account; the
     * connection closes next with {@link dev.confab.protocol.CloseCodes#SESSION_REPLACED}.
     * {@code byDeviceName} is the new session's device name (may be null).
     */
    record SessionReplaced(String byDeviceName, Instant at) implements ServerFrame {
    }
}
