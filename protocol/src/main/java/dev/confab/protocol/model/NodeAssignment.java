package dev.confab.protocol.model;

import java.util.List;

/**
 * Answer to {@code GET /api/v1/cluster/assign}: the node a client should open its WebSocket to (the
 * least-loaded live one) and every live node, least loaded first, for failover. With a single node
 * ({@code nodes} has one entry) clients simply keep using the address they already have.
 */
public record NodeAssignment(NodeView node, List<NodeView> nodes) {
}
