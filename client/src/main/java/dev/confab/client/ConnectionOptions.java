package dev.confab.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Tuning of a {@link ConfabConnection}. Start from {@link #defaults()} and change what you need with
 * the {@code with...} methods.
 *
 * @param backoff            delays between reconnect attempts
 * @param pingInterval       how often an application {@code ping} is sent while connected (shortened to a
 *                           third of the server's heartbeat when the server's {@code hello} asks for less);
 *                           a ping unanswered within {@code requestTimeout} counts as a dead connection
 * @param requestTimeout     how long a request ({@code sync}, {@code history}, {@code events},
 *                           {@code conversations}, {@code read}, {@code presence.query}, {@code ping})
 *                           may wait for its answer,
 *                           including time spent waiting for the connection; sends do not time out
 * @param connectTimeout     how long one attempt may take from dialling the WebSocket until the server's
 *                           {@code hello}; also how long each node assignment question may take
 * @param syncPageSize       messages or events asked for per page during catch-up
 * @param maxConcurrentSyncs conversations caught up at the same time; others wait their turn (the event
 *                           log is caught up besides these)
 * @param sendWindow         sends that may await their ack at once; later ones wait, in order
 * @param nodeAssignment     whether each connect attempt first asks {@code GET /api/v1/cluster/assign}
 *                           which node of a cluster to open the WebSocket to (see {@link ConfabConnection})
 * @param seeds              further base URIs ({@code http(s)://host:port}) of the same cluster, asked for
 *                           an assignment when the connection's own base URI does not answer; used only
 *                           with {@code nodeAssignment}
 */
public record ConnectionOptions(BackoffPolicy backoff, Duration pingInterval, Duration requestTimeout,
                                Duration connectTimeout, int syncPageSize, int maxConcurrentSyncs,
                                int sendWindow, boolean nodeAssignment, List<URI> seeds) {

    public ConnectionOptions {
        Objects.requireNonNull(backoff, "backoff");
        requirePositive(pingInterval, "pingInterval");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(syncPageSize, "syncPageSize");
        requirePositive(maxConcurrentSyncs, "maxConcurrentSyncs");
        requirePositive(sendWindow, "sendWindow");
        seeds = List.copyOf(Objects.requireNonNull(seeds, "seeds"));
        seeds.forEach(ServerAddress::new); // throws for a seed that is not an http(s) base URI
    }

    /** Options with node assignment on and no seeds. */
    public ConnectionOptions(BackoffPolicy backoff, Duration pingInterval, Duration requestTimeout,
                             Duration connectTimeout, int syncPageSize, int maxConcurrentSyncs, int sendWindow) {
        this(backoff, pingInterval, requestTimeout, connectTimeout, syncPageSize, maxConcurrentSyncs, sendWindow,
                true, List.of());
    }

    /**
     * Ping every 20 s, 15 s per request, 10 s per connect attempt, pages of 100, 4 syncs and 16 sends at
     * once, node assignment on, no seeds.
     */
    public static ConnectionOptions defaults() {
        return new ConnectionOptions(BackoffPolicy.defaults(), Duration.ofSeconds(20), Duration.ofSeconds(15),
                Duration.ofSeconds(10), 100, 4, 16, true, List.of());
    }

    public ConnectionOptions withBackoff(BackoffPolicy value) {
        return new ConnectionOptions(value, pingInterval, requestTimeout, connectTimeout, syncPageSize,
                maxConcurrentSyncs, sendWindow, nodeAssignment, seeds);
    }

    public ConnectionOptions withPingInterval(Duration value) {
        return new ConnectionOptions(backoff, value, requestTimeout, connectTimeout, syncPageSize,
                maxConcurrentSyncs, sendWindow, nodeAssignment, seeds);
    }

    public ConnectionOptions withRequestTimeout(Duration value) {
        return new ConnectionOptions(backoff, pingInterval, value, connectTimeout, syncPageSize,
                maxConcurrentSyncs, sendWindow, nodeAssignment, seeds);
    }

    public ConnectionOptions withConnectTimeout(Duration value) {
        return new ConnectionOptions(backoff, pingInterval, requestTimeout, value, syncPageSize,
                maxConcurrentSyncs, sendWindow, nodeAssignment, seeds);
    }

    public ConnectionOptions withSyncPageSize(int value) {
        return new ConnectionOptions(backoff, pingInterval, requestTimeout, connectTimeout, value,
                maxConcurrentSyncs, sendWindow, nodeAssignment, seeds);
    }

    public ConnectionOptions withMaxConcurrentSyncs(int value) {
        return new ConnectionOptions(backoff, pingInterval, requestTimeout, connectTimeout, syncPageSize,
                value, sendWindow, nodeAssignment, seeds);
    }

    public ConnectionOptions withSendWindow(int value) {
        return new ConnectionOptions(backoff, pingInterval, requestTimeout, connectTimeout, syncPageSize,
                maxConcurrentSyncs, value, nodeAssignment, seeds);
    }

    /** Whether each connect attempt asks the cluster which node to use; on by default. */
    public ConnectionOptions withNodeAssignment(boolean value) {
        return new ConnectionOptions(backoff, pingInterval, requestTimeout, connectTimeout, syncPageSize,
                maxConcurrentSyncs, sendWindow, value, seeds);
    }

    /** Further base URIs of the cluster to ask for an assignment when the connection's own does not answer. */
    public ConnectionOptions withSeeds(List<URI> value) {
        return new ConnectionOptions(backoff, pingInterval, requestTimeout, connectTimeout, syncPageSize,
                maxConcurrentSyncs, sendWindow, nodeAssignment, value);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
