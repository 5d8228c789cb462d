package dev.confab.server.cluster.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's command link to Redis: one connection, so commands sent by one thread are executed in
 * the order sent (presence updates and bus messages rely on that). A lost connection is replaced on the
 * next command; until Redis answers again every command fails fast with {@link RedisUnavailableException}.
 * Thread-safe.
 *
 * <p>Every key and channel name goes through {@link #key}, which puts the configured prefix in front,
 * so several clusters (or test runs) can share one Redis. The layout is documented in docs/scaling.md.
 */
public final class RedisLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);

    private final Redis client;
    private final String prefix;
    private final Duration timeout;
    private final List<Runnable> reconnectListeners = new CopyOnWriteArrayList<>();
    private Future<RedisConnection> current;
    private boolean lost;
    private volatile boolean closed;

    public RedisLink(Vertx vertx, String url, String prefix, Duration timeout) {
        this.prefix = prefix;
        this.timeout = timeout;
        this.client = Redis.createClient(vertx, options(url, timeout));
    }

    static RedisOptions options(String url, Duration timeout) {
        return new RedisOptions().setConnectionString(url)
                .setPreferredProtocolVersion(ProtocolVersion.RESP2).setProtocolNegotiation(false)
                .setMaxPoolSize(8).setMaxPoolWaiting(1024).setMaxWaitingHandlers(65_536)
                .setNetClientOptions(new NetClientOptions().setConnectTimeout((int) timeout.toMillis())
                        .setTcpKeepAlive(true).setTcpNoDelay(true));
    }

    /** {@code prefix + parts joined by ':'}. */
    public String key(String... parts) {
        return prefix + String.join(":", parts);
    }

    public Duration timeout() {
        return timeout;
    }

    /** False from a lost connection until Redis answers again (and after {@link #close}). */
    public synchronized boolean reachable() {
        return !lost && !closed;
    }

    /** Runs {@code listener} (on an event loop; it must not block) each time Redis answers again after a loss. */
    public void onReconnected(Runnable listener) {
        reconnectListeners.add(listener);
    }

    /** Sends one command; non-blocking. Fails with {@link RedisUnavailableException} when Redis does not answer in time. */
    public Future<Response> send(Request request) {
        return connection().compose(c -> c.send(request).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .recover(e -> {
                    if (!isErrorReply(e)) {
                        drop(c, e);
                    }
                    return Future.failedFuture(unavailable(e));
                }));
    }

    /** Sends commands as one pipeline; replies in order. */
    public Future<List<Response>> batch(List<Request> requests) {
        return connection().compose(c -> c.batch(requests).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .recover(e -> {
                    if (!isErrorReply(e)) {
                        drop(c, e);
                    }
                    return Future.failedFuture(unavailable(e));
                }));
    }

    /** {@link #send} and wait for the reply; for blocking code (virtual threads) only. */
    public Response call(Request request) {
        return await(send(request));
    }

    /** {@link #batch} and wait for the replies; for blocking code only. */
    public List<Response> callBatch(List<Request> requests) {
        return await(batch(requests));
    }

    /** A new connection for a subscriber (pub/sub needs a connection of its own). */
    Future<RedisConnection> newConnection() {
        return client.connect();
    }

    private <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisUnavailableException("interrupted while waiting for Redis", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RedisUnavailableException r ? r : unavailable(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw unavailable(e);
        }
    }

    private synchronized Future<RedisConnection> connection() {
        if (closed) {
            return Future.failedFuture(new RedisUnavailableException("the Redis link is closed", null));
        }
        if (current != null && !current.failed()) {
            return current;
        }
        Future<RedisConnection> attempt = client.connect();
        current = attempt;
        attempt.onSuccess(c -> {
            c.exceptionHandler(e -> drop(c, e));
            c.endHandler(v -> drop(c, null));
            boolean recovered;
            synchronized (this) {
                recovered = lost;
                lost = false;
            }
            if (recovered) {
                LOG.info("Redis is reachable again");
                reconnectListeners.forEach(RedisLink::runQuietly);
            }
        }).onFailure(e -> {
            synchronized (this) {
                if (current == attempt) {
                    current = null;
                }
                markLost(e);
            }
        });
        return attempt;
    }

    private synchronized void drop(RedisConnection c, Throwable cause) {
        if (current != null && current.succeeded() && current.result() == c) {
            current = null;
            markLost(cause);
            c.close();
        }
    }

    private void markLost(Throwable cause) {
        if (!lost && !closed) {
            LOG.warn("Redis connection lost: {}", cause == null ? "closed by the server" : cause.toString());
        }
        lost = true;
    }

    /** An error reply (a script error, say) came over a healthy connection, which is kept. */
    private static boolean isErrorReply(Throwable e) {
        return e instanceof Response;
    }

    private static RedisUnavailableException unavailable(Throwable cause) {
        if (cause instanceof RedisUnavailableException r) {
            return r;
        }
        return isErrorReply(cause) ? new RedisUnavailableException("Redis refused a command: " + cause.getMessage(), cause)
                : new RedisUnavailableException("Redis did not answer: " + cause, cause);
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("Redis reconnect listener failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        client.close();
    }
}
