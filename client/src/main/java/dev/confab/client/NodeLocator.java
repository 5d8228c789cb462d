package dev.confab.client;

import dev.confab.protocol.model.NodeAssignment;
import dev.confab.protocol.model.NodeView;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where one connect attempt opens its WebSocket. Asks {@code GET /api/v1/cluster/assign} of
 * each candidate of its {@link NodeRoster} in turn (the base URI first) until one answers; any failure
 * (refused, timed out, an error status, an unreadable answer) moves on to the next candidate. Every
 * answer's nodes are remembered in the roster.
 *
 * <ul>
 * <li>An answer listing more than one live node: the assigned node's {@code webSocketUrl}.</li>
 * <li>An answer listing one node (a server without a cluster, or a cluster down to one node): the
 *     WebSocket of the server that answered, reached the way the client reached it.</li>
 * <li>No answer from anyone: the WebSocket of the base URI.</li>
 * </ul>
 *
 * Thread-safe; the result completes on the HTTP client's threads (or at once) and never fails.
 */
final class NodeLocator {
    private static final Logger LOG = LoggerFactory.getLogger(NodeLocator.class);
    private static final String ASSIGN = "/cluster/assign";

    private final ServerAddress base;
    private final NodeRoster roster;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param timeout how long each candidate may take to answer
     */
    NodeLocator(ServerAddress base, NodeRoster roster, HttpClient http, Duration timeout) {
        this.base = base;
        this.roster = roster;
        this.http = http;
        this.timeout = timeout;
    }

    /** The WebSocket URI for the next connect attempt. */
    CompletableFuture<URI> locate() {
        return ask(roster.candidates(), 0);
    }

    /** Where to connect after {@code asked} answered with {@code answer}. */
    static URI choose(ServerAddress asked, NodeAssignment answer) {
        List<NodeView> nodes = answer.nodes() == null ? List.of() : answer.nodes();
        if (nodes.size() > 1 && answer.node() != null) {
            URI assigned = webSocketOf(answer.node());
            if (assigned != null) {
                return assigned;
            }
        }
        return asked.webSocket();
    }

    private CompletableFuture<URI> ask(List<ServerAddress> candidates, int next) {
        if (next >= candidates.size()) {
            return CompletableFuture.completedFuture(base.webSocket());
        }
        ServerAddress asked = candidates.get(next);
        return query(asked).handle((answer, error) -> {
            if (error != null || answer == null) {
                LOG.debug("no node assignment from {}: {}", asked.base(),
                        error == null ? "empty answer" : error.getMessage());
                return ask(candidates, next + 1);
            }
            roster.learn(answer);
            return CompletableFuture.completedFuture(choose(asked, answer));
        }).thenCompose(target -> target);
    }

    private CompletableFuture<NodeAssignment> query(ServerAddress asked) {
        try {
            return new ApiTransport(asked, null, http, timeout).callAsync("GET", ASSIGN, null, NodeAssignment.class);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The node's WebSocket URI, or null when it names none this client can dial. */
    private static URI webSocketOf(NodeView node) {
        if (node.webSocketUrl() == null) {
            return null;
        }
        try {
            URI uri = URI.create(node.webSocketUrl());
            boolean webSocket = "ws".equalsIgnoreCase(uri.getScheme()) || "wss".equalsIgnoreCase(uri.getScheme());
            return webSocket && uri.getHost() != null && uri.getFragment() == null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
