package dev.confab.server.app;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.cluster.EventBus;
import dev.confab.server.cluster.NodeDirectory;
import dev.confab.server.limits.RateLimiter;
import dev.confab.server.presence.PresenceRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The parts that differ between a lone server and a member of a cluster: how events reach
 * connections, where presence, limits and the node registry live. Built before the services, started
 * once the node listens, stopped first on shutdown.
 */
interface NodeMode extends AutoCloseable {

    EventBus bus();

    PresenceRegistry presence();

    NodeDirectory nodes();

    /** A limiter of {@code permits} events per {@code window} and key, shared by the cluster if there is one. */
    RateLimiter rateLimiter(String name, int permits, Duration window, Clock clock);

    /** Where pending WebSocket tickets wait, so that any node can redeem them. */
    dev.confab.server.accounts.TicketStore tickets(Clock clock);

    /**
     * Before the node listens: clear what an earlier run under the same node id left behind and start
     * listening to the cluster. {@code announce} tells contacts the state of accounts whose connections
     * were lost (an earlier run of this node, or a dead node later). Blocking.
     */
    void prepare(Consumer<Set<AccountId>> announce);

    /** The node listens: register and start heartbeats. Blocking. */
    void started();

    /**
     * Whether this node should run the periodic task {@code name} now: always on a lone server; in a
     * cluster, the first node to ask in each {@code period} (so cluster-wide chores run once, not once
     * per node). When shared state is unreachable the answer is yes: the chores are idempotent. Blocking.
     */
    boolean claim(String name, Duration period);

    /** Shutdown begins: take no new clients. Blocking, bounded. */
    void stopping();

    @Override
    void close();
}
