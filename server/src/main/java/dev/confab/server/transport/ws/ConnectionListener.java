package dev.confab.server.transport.ws;

/** What the API layer does with an accepted connection. Called on the connection's event loop. */
public interface ConnectionListener {

    /** The connection is registered and held; the listener must {@link WsConnection#release} it (or close it). */
    void opened(WsConnection connection);

    void text(WsConnection connection, String frame);

    /** A binary frame arrived; the protocol is JSON text only. */
    void binary(WsConnection connection);

    void closed(WsConnection connection);
}
