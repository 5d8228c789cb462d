package dev.confab.protocol.frames;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A frame a client sends over the WebSocket: a JSON object whose {@code type} names the kind and
 * whose optional {@code id} is a request id the server echoes on the answer (ack, result or error).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClientFrame.Send.class, name = "send"),
        @JsonSubTypes.Type(value = ClientFrame.Sync.class, name = "sync"),
        @JsonSubTypes.Type(value = ClientFrame.History.class, name = "history"),
        @JsonSubTypes.Type(value = ClientFrame.Conversations.class, name = "conversations"),
        @JsonSubTypes.Type(value = ClientFrame.Read.class, name = "read"),
        @JsonSubTypes.Type(value = ClientFrame.PresenceQuery.class, name = "presence.query"),
        @JsonSubTypes.Type(value = ClientFrame.Ping.class, name = "ping"),
        @JsonSubTypes.Type(value = ClientFrame.Events.class, name = "events"),
        @JsonSubTypes.Type(value = ClientFrame.Received.class, name = "received"),
        @JsonSubTypes.Type(value = ClientFrame.Typing.class, name = "typing"),
})
public sealed interface ClientFrame {
    /** The request id to echo, or null. */
    String id();

    /** Send a message; answered by an {@code ack} after the message is committed. */
    record Send(String id, String clientMessageId, Long conversationId, String to, String contentType, String body)
            implements ClientFrame {
    }

    /** Messages with seq greater than {@code afterSeq}, ascending; answered by {@code messages}. */
    record Sync(String id, Long conversationId, Long afterSeq, Integer limit) implements ClientFrame {
    }

    /** Messages with seq less than {@code beforeSeq} (newest when null), ascending; answered by {@code messages}. */
    record History(String id, Long conversationId, Long beforeSeq, Integer limit) implements ClientFrame {
    }

    /**
     * A page of the caller's conversation list, most recently active first; {@code before} is the
     * cursor of the previous page (null for the first) and {@code limit} the page size (server default
     * when null). Answered by {@code conversations}.
     */
    record Conversations(String id, String before, Integer limit) implements ClientFrame {
        public Conversations(String id) {
            this(id, null, null);
        }
    }

    /** Mark read up to {@code seq}; answered by {@code ok}. */
    record Read(String id, Long conversationId, Long seq) implements ClientFrame {
    }

    /** Presence of the given users; answered by {@code presence.result}. */
    record PresenceQuery(String id, java.util.List<Long> userIds) implements ClientFrame {
    }

    /** Delivery receipt: this client has every message of the conversation up to {@code seq}; answered by {@code ok}. */
    record Received(String id, Long conversationId, Long seq) implements ClientFrame {
    }

    /**
     * The caller is typing in the conversation; the other members see it for a few seconds. Send again
     * while typing continues; frames closer together than the server's interval are coalesced. Answered
     * by {@code ok} (coalesced or not).
     */
    record Typing(String id, Long conversationId) implements ClientFrame {
    }

    /** The caller's events with seq greater than {@code afterSeq}, ascending; answered by {@code events}. */
    record Events(String id, Long afterSeq, Integer limit) implements ClientFrame {
    }

    /**
     * Application-level round trip, answered by {@code pong}. Any frame keeps a connection alive, as does
     * answering the server's WebSocket pings (every WebSocket implementation does so by itself).
     */
    record Ping(String id) implements ClientFrame {
    }
}
