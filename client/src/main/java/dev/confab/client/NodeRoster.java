package dev.confab.client;

import dev.confab.protocol.model.NodeAssignment;
import dev.confab.protocol.model.NodeView;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The servers a connection may ask which node to use: its own base URI first, then the seeds it was
 * given, then every node any assignment answer has named, those of the latest answer first. Nodes
 * once seen are kept (up to {@link #MAX_LEARNED}), so that when the base URI's node is gone the
 * connection still knows where the rest of the cluster lives. Thread-safe.
 */
final class NodeRoster {
    /** How many learned nodes are kept; the ones named longest ago go first. */
    static final int MAX_LEARNED = 64;

    private final List<ServerAddress> fixed;
    private List<ServerAddress> learned = List.of();

    /**
     * @param base  the connection's base URI
     * @param seeds further base URIs of the same cluster
     */
    NodeRoster(ServerAddress base, List<URI> seeds) {
        Set<ServerAddress> addresses = new LinkedHashSet<>();
        addresses.add(base.normalized());
        seeds.forEach(seed -> addresses.add(new ServerAddress(seed).normalized()));
        this.fixed = List.copyOf(addresses);
    }

    /** Whom to ask, in order, without repeats. */
    synchronized List<ServerAddress> candidates() {
        Set<ServerAddress> all = new LinkedHashSet<>(fixed);
        all.addAll(learned);
        return List.copyOf(all);
    }

    /** Remembers the nodes an answer named; node URLs that are not {@code http(s)} base URIs are skipped. */
    synchronized void learn(NodeAssignment answer) {
        Set<ServerAddress> next = new LinkedHashSet<>();
        if (answer.node() != null) {
            add(next, answer.node());
        }
        if (answer.nodes() != null) {
            answer.nodes().forEach(node -> add(next, node));
        }
        next.addAll(learned);
        learned = List.copyOf(new ArrayList<>(next).subList(0, Math.min(next.size(), MAX_LEARNED)));
    }

    private static void add(Set<ServerAddress> into, NodeView node) {
        if (node == null || node.url() == null) {
            return;
        }
        try {
            into.add(new ServerAddress(URI.create(node.url())).normalized());
        } catch (IllegalArgumentException e) {
            // a URL this client cannot use: not remembered
        }
    }
}
