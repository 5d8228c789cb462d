package dev.confab.server.cluster;

import java.util.List;

/**
 * Which nodes are alive and which one a new client should use (the cluster's load balancer).
 *
 * <p>Contract: thread-safe; may block for one round trip to shared state, so call it from blocking
 * code. Never fails: when shared state is unreachable it answers with this node alone.
 */
public interface NodeDirectory {

    /**
     * The least-loaded live node, counting clients assigned since the last load report, so a burst of
     * clients that follow the answers spreads evenly. Each call counts one assignment.
     */
    NodeInfo assign();

    /** Every live node, least loaded first. */
    List<NodeInfo> liveNodes();
}
