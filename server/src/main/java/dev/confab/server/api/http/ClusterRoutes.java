package dev.confab.server.api.http;

import dev.confab.protocol.model.NodeAssignment;
import dev.confab.server.api.Views;
import dev.confab.server.cluster.NodeDirectory;
import io.vertx.ext.web.Router;

/**
 * Where clients should connect. Open to everyone: it tells no more than the public addresses of the
 * nodes and their load. Each answer counts one assignment until the assigned node's next heartbeat
 * reports its real connection count.
 */
final class ClusterRoutes {
    private ClusterRoutes() {
    }

    static void mount(Router router, RouteSupport routes, NodeDirectory nodes) {
        router.get("/api/v1/cluster/assign").handler(routes.open(200, ctx -> {
            var assigned = Views.node(nodes.assign());
            var live = nodes.liveNodes().stream().map(Views::node).toList();
            return new NodeAssignment(assigned, live.isEmpty() ? java.util.List.of(assigned) : live);
        }));
    }
}
