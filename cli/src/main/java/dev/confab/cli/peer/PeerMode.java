package dev.confab.cli.peer;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** One way of running {@code confab peer}: listening on TCP, connecting over TCP, or symmetric UDP. */
public interface PeerMode {
    /** Binds or connects; the exception message is fit for the user. Returns once ready. */
    void start() throws IOException;

    /**
     * Completes with the exit code when the mode ends by itself: 0 when the peer left, 1 when it
     * refused this side. A listener never ends by itself.
     */
    CompletableFuture<Integer> ended();

    /** Says goodbye to the current peer (best effort) and releases every socket. Idempotent. */
    void close();
}
