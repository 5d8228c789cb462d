package dev.confab.cli.bench;

import java.net.URI;
import java.util.List;

/**
 * What a scenario runs against: a Confab server (spawned by the bench or given by URL) or the bare
 * relay (its own JVM too) that is the machine's baseline. Scenarios speak the same frames to both.
 */
interface Target extends AutoCloseable {

    /** "confab" or "relay". */
    String name();

    /** Where connection number {@code n} goes (several nodes share the connections round-robin). */
    URI webSocket(int n);

    /** {@code count} users with live sessions, provisioned without per-user password hashing. */
    List<Account> provision(int count) throws Exception;

    /** A room with these members (the first creates it); returns its conversation id. */
    long createRoom(List<Account> members, int capacity) throws Exception;

    /** Resident memory of the process that serves the target, in bytes; -1 when unknown. */
    long residentBytes();

    @Override
    void close();
}
