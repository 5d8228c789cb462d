package dev.confab.server.cluster;

import java.net.URI;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** The {@link NodeDirectory} of a server without a cluster: it is the only node. */
public final class SingleNodeDirectory implements NodeDirectory {
    private final String nodeId;
    private final Supplier<URI> url;
    private final LongSupplier connections;

    public SingleNodeDirectory(String nodeId, Supplier<URI> url, LongSupplier connections) {
        this.nodeId = nodeId;
        this.url = url;
        this.connections = connections;
    }

    @Override
    public NodeInfo assign() {
        return self();
    }

    @Override
    public List<NodeInfo> liveNodes() {
        return List.of(self());
    }

    private NodeInfo self() {
        return new NodeInfo(nodeId, url.get(), connections.getAsLong());
    }
}
