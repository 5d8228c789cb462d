package dev.confab.client;

import dev.confab.protocol.model.EventView;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.PresenceView;

/**
 * What a {@link ConfabConnection} tells the application. All callbacks of one connection run on that
 * connection's single event thread, one at a time, in the order the events happened. Callbacks must
 * return promptly and must not block on futures of the same connection (those complete on the same
 * thread). An exception thrown by a callback is logged and otherwise ignored.
 */
public interface ConnectionListener {

    /**
     * A message, delivered at most once per {@code (conversationId, seq)} and, within a conversation, in
     * strictly increasing {@code seq} order without gaps. Includes the messages this connection sent,
     * once the server has acknowledged them.
     */
    default void onMessage(MessageView message) {
    }

    /**
     * An entry of the account's event log (friend requests, friendships, blocks, profile changes),
     * delivered at most once per {@code seq} and in strictly increasing {@code seq} order without gaps,
     * whether it came live or from a catch-up. {@link EventView#type()} names the kind.
     */
    default void onEvent(EventView event) {
    }

    /** A friend of the caller came online or went offline. */
    default void onPresence(PresenceView presence) {
    }

    /**
     * A member's delivered or read position moved (the caller's own, from another device, included):
     * messages at or below {@code readSeq} are read by that member.
     */
    default void onReceipt(dev.confab.protocol.model.ReceiptView receipt) {
    }

    /** Someone in the conversation is typing; hide the indicator after {@code expiresInMillis} unless repeated. */
    default void onTyping(long conversationId, long userId, long expiresInMillis) {
    }

    /** The connection moved to {@code state}. Called once per change. */
    default void onConnectionState(ConnectionState state) {
    }

    /**
     * The server ended the session (logout, revocation, password change, expiry, replacement by another
     * sign-in) or refused the token. The connection does not reconnect; the application must log in
     * again. Followed by {@link ConnectionState#CLOSED}.
     */
    default void onSessionEnded() {
    }

    /**
     * The account signed in on another device and the server keeps one session per account, so this
     * session is over ({@code session.replaced}, close code 4003). The connection does not reconnect.
     * Followed by {@link #onSessionEnded()} and then {@link ConnectionState#CLOSED}.
     *
     * @param byDeviceName the device name of the sign-in that took over, or null when the server did not say
     */
    default void onSessionReplaced(String byDeviceName) {
    }

    /**
     * A problem that no request future can carry: an {@code error} frame without a request of ours, a
     * catch-up sync (of messages or events) that failed, a frame that could not be read, or a close by the server for a reason
     * the client cannot fix by itself. Usually a {@link ConfabApiException} or
     * {@link ConfabConnectionException}.
     */
    default void onError(Throwable error) {
    }
}
