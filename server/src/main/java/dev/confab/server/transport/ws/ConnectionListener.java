package dev.confab.server.transport.ws;

/** What the API layer does with an accepted connection. Called on the connection's event loop. */
public interface ConnectionListener {

    void opened(WsConnection connection);

    void text(WsConnection connection, String frame);

    /** A binary frame arrived; the protocol is JSON text only. */
    void binary(WsConnection connection);

    void closed(WsConnection connection);
}
