package dev.confab.protocol.model;

/**
 * A live node of the cluster (or the single server): where clients reach it and how many connections
 * it holds. {@code url} is the node's HTTP base URL; {@code webSocketUrl} its WebSocket endpoint.
 */
public record NodeView(String nodeId, String url, String webSocketUrl, long connections) {
}
