package dev.confab.cli.peer;

/**
 * How a {@link PeerSession} reaches the other side: one encoded envelope per call. Implementations
 * must not block for long (the session calls it while holding its lock): TCP queues frames for a
 * writer thread, UDP sends one datagram.
 */
public interface Link {
    /**
     * Sends one envelope; {@code written} runs once it has been handed to the operating system. A
     * failure is reported through the transport's own events, never thrown here.
     */
    void send(byte[] envelope, Runnable written);

    /** The largest envelope this link can carry. */
    int maxEnvelopeBytes();

    /** Why an envelope of {@code size} bytes cannot be sent, for the user. */
    String tooBig(int size);

    /** Where the other side is, for events. */
    String remote();
}
