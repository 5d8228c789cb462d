package dev.confab.cli.peer;

import java.io.IOException;

/** Shows a peer chat and reads what the user sends: the terminal view, or plain lines for pipes. */
public interface PeerView extends PeerObserver, AutoCloseable {
    /** The next message the user sends, or null once input has ended (Ctrl-D, end of the pipe). */
    byte[] readLine() throws IOException;

    /**
     * Where Ctrl-C goes when the view itself catches it (a terminal in raw mode); other views leave
     * it to the JVM's signal handling and shutdown hook.
     */
    default void onInterrupt(Runnable action) {
    }

    /** Restores the terminal; idempotent. */
    @Override
    void close();
}
