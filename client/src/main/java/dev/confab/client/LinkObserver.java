package dev.confab.client;

import dev.confab.protocol.frames.ServerFrame;

/** What a {@link Link} reports about its socket. Called on the event thread. */
interface LinkObserver {

    /** The server said {@code hello} on a new socket; frames may be written to it from now on. */
    void connected(ServerFrame.Hello hello, LiveSocket socket);

    /**
     * A frame other than {@code hello}, {@code goaway} and {@code session.replaced} arrived on the
     * connected socket.
     */
    void received(ServerFrame frame);

    /** The socket is gone; the link will connect again. */
    void disconnected(ConfabConnectionException cause);

    /** The link closed for good with {@code cause}; nothing more will be reported. */
    void ended(RuntimeException cause);
}
