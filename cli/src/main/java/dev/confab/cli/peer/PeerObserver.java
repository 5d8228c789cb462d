package dev.confab.cli.peer;

/**
 * Receives what a peer chat shows. Called from network and timer threads, possibly concurrently;
 * implementations must be thread-safe and must not call back into the session.
 */
public interface PeerObserver {
    /** A message was added or changed status. */
    void chat(ChatEntry entry);

    void network(NetworkEvent event);

    /** Application-level events: started, file read, finishing, errors of the user's own making. */
    void application(String text);
}
