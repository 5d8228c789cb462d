package dev.confab.server.cluster.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one channel subscribed on a connection of its own, through Redis restarts and network loss.
 * A lost subscription is retried with jittered backoff (100 ms doubling to 2 s); once it is back,
 * {@code onResubscribed} runs, because messages published in between were missed. {@link #probe}
 * pings the subscription so a silently dead connection is noticed within one heartbeat.
 *
 * <p>Messages and callbacks run on one event loop, in order; they must not block.
 */
final class RedisSubscriber implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisSubscriber.class);

    private final Vertx vertx;
    private final Redis client;
    private final String channel;
    private final Duration timeout;
    private final Consumer<String> onMessage;
    private final Runnable onResubscribed;
    private RedisConnection current;
    private boolean everLost;
    private int attempts;
    private volatile boolean closed;

    RedisSubscriber(Vertx vertx, String url, String channel, Duration timeout, Consumer<String> onMessage,
                    Runnable onResubscribed) {
        this.vertx = vertx;
        this.client = Redis.createClient(vertx, RedisLink.options(url, timeout));
        this.channel = channel;
        this.timeout = timeout;
        this.onMessage = onMessage;
        this.onResubscribed = onResubscribed;
    }

    void start() {
        connect();
    }

    /**
     * Pings the subscribed connection; a missing or late answer counts as a lost subscription.
     *
     * <p>On a RESP2 connection the client takes the first reply that arrives while a command waits as
     * that command's answer, and bus messages Redis sent before the PING's answer arrive first. So the
     * "answer" handed to the PING may be a bus message: it is delivered like any other, in its place
     * (the PING's answer completes inline, before later messages are handled), and the real answer
     * that follows reaches {@link #received}, which ignores it.
     */
    synchronized void probe() {
        RedisConnection c = current;
        if (c == null) {
            return;
        }
        c.send(Request.cmd(Command.PING))
                .onSuccess(this::received)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .onFailure(e -> lost(c, e));
    }

    private void connect() {
        if (closed) {
            return;
        }
        client.connect().onSuccess(c -> {
            synchronized (this) {
                if (closed) {
                    c.close();
                    return;
                }
                current = c;
            }
            c.handler(this::received);
            c.exceptionHandler(e -> lost(c, e));
            c.endHandler(v -> lost(c, null));
            c.send(Request.cmd(Command.SUBSCRIBE).arg(channel)).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .onSuccess(r -> subscribed(c))
                    .onFailure(e -> lost(c, e));
        }).onFailure(e -> {
            synchronized (this) {
                noteLoss(e);
            }
            retryLater();
        });
    }

    private void subscribed(RedisConnection c) {
        boolean recovered;
        synchronized (this) {
            if (current != c) {
                return;
            }
            attempts = 0;
            recovered = everLost;
            everLost = false;
        }
        if (recovered) {
            LOG.info("cluster bus subscription restored");
            onResubscribed.run();
        }
    }

    private void received(Response r) {
        if (r != null && r.size() >= 3 && "message".equals(r.get(0).toString())) {
            try {
                onMessage.accept(r.get(2).toString());
            } catch (RuntimeException e) {
                LOG.warn("cluster bus message dropped: {}", e.toString());
            }
        }
    }

    private void lost(RedisConnection c, Throwable cause) {
        synchronized (this) {
            if (current != c) {
                return;
            }
            current = null;
            noteLoss(cause);
        }
        c.close();
        retryLater();
    }

    private void noteLoss(Throwable cause) {
        if (!everLost && !closed) {
            LOG.warn("cluster bus subscription lost: {}", cause == null ? "closed by Redis" : cause.toString());
        }
        everLost = true;
    }

    private void retryLater() {
        if (closed) {
            return;
        }
        int n;
        synchronized (this) {
            n = attempts++;
        }
        long base = Math.min(2000, 100L << Math.min(n, 5));
        vertx.setTimer(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1), id -> connect());
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (current != null) {
            current.close();
        }
        client.close();
    }
}
