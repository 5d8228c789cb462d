package dev.confab.server.cluster;

import java.net.URI;

/** A live node: its id, the base URL clients use, and its connection count as last reported. */
public record NodeInfo(String nodeId, URI url, long connections) {
}
