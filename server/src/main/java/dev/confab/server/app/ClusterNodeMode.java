package dev.confab.server.app;

import dev.confab.protocol.WireJson;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.app.config.ServerConfig;
import dev.confab.server.cluster.EventBus;
import dev.confab.server.cluster.LocalEndpoints;
import dev.confab.server.cluster.NodeDirectory;
import dev.confab.server.cluster.redis.RedisClusterBus;
import dev.confab.server.cluster.redis.RedisLink;
import dev.confab.server.cluster.redis.RedisNodeRegistry;
import dev.confab.server.cluster.redis.RedisPresenceRegistry;
import dev.confab.server.cluster.redis.RedisRateLimiter;
import dev.confab.server.cluster.redis.RedisUnavailableException;
import dev.confab.server.conversations.MemberCache;
import dev.confab.server.limits.LocalRateLimiter;
import dev.confab.server.limits.RateLimiter;
import dev.confab.server.presence.PresenceRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member of a cluster: PostgreSQL holds the truth, Redis carries live events between nodes, the
 * node registry and presence. Losing Redis degrades live delivery to catch-up; it never loses a message.
 */
final class ClusterNodeMode implements NodeMode {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNodeMode.class);

    private final Vertx vertx;
    private final Executor blocking;
    private final ServerConfig.Cluster config;
    private final RedisLink link;
    private final RedisClusterBus bus;
    private final RedisPresenceRegistry presence;
    private final RedisNodeRegistry nodes;
    private final AtomicReference<Consumer<Set<AccountId>>> announce = new AtomicReference<>(a -> { });
    private final AtomicBoolean beating = new AtomicBoolean();
    private long timer = -1;
    private final Supplier<URI> url;

    ClusterNodeMode(ServerConfig.Cluster config, Vertx vertx, Executor blocking, LocalEndpoints endpoints,
                    MemberCache members, Supplier<URI> url, WireJson json) {
        this.vertx = vertx;
        this.blocking = blocking;
        this.config = config;
        this.url = url;
        this.link = new RedisLink(vertx, config.redisUrl(), config.keyPrefix(), config.redisTimeout());
        this.bus = new RedisClusterBus(vertx, link, config.redisUrl(), config.nodeId(), endpoints, members::invalidate,
                members::invalidateAll, json.encode(new ServerFrame.Resync("cluster bus interrupted")), blocking,
                config.resyncSpread(), config.resyncMaxAccounts());
        this.presence = new RedisPresenceRegistry(link, config.nodeId());
        this.nodes = new RedisNodeRegistry(link, config.nodeId(), url, endpoints::connectionCount, presence,
                config.nodeTtl(), lost -> announce.get().accept(lost), back -> announce.get().accept(back));
    }

    @Override
    public EventBus bus() {
        return bus;
    }

    @Override
    public PresenceRegistry presence() {
        return presence;
    }

    @Override
    public NodeDirectory nodes() {
        return nodes;
    }

    /**
     * Shared in Redis, except typing notices: those are throttled per session, a session's typing goes
     * through the one socket it types on, and a round trip per keystroke burst buys nothing.
     */
    @Override
    public RateLimiter rateLimiter(String name, int permits, Duration window, Clock clock) {
        return name.equals("typing") ? new LocalRateLimiter(permits, window, clock)
                : new RedisRateLimiter(link, name, permits, window, clock);
    }

    @Override
    public dev.confab.server.accounts.TicketStore tickets(Clock clock) {
        return new dev.confab.server.cluster.redis.RedisTicketStore(link, clock);
    }

    @Override
    public void prepare(Consumer<Set<AccountId>> announcer) {
        announce.set(announcer);
        nodes.takeOver();
        bus.start();
    }

    @Override
    public void started() {
        if (url.get().getHost().equals("localhost")) {
            LOG.warn("server.public-url is not set: this node tells clients to reach it at {}, which works only"
                    + " on this machine; set --public-url for a cluster across machines", url.get());
        }
        beat();
        timer = vertx.setPeriodic(config.heartbeatInterval().toMillis(), id -> blocking.execute(this::beat));
        LOG.info("cluster node {} started (Redis {}, keys under '{}')", config.nodeId(),
                redacted(config.redisUrl()), config.keyPrefix());
    }

    /** One heartbeat at a time; a slow one is skipped over, not queued. */
    private void beat() {
        if (!beating.compareAndSet(false, true)) {
            return;
        }
        try {
            nodes.heartbeat();
            bus.probe();
        } catch (RedisUnavailableException e) {
            LOG.debug("heartbeat skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("heartbeat failed: {}", e.toString());
        } finally {
            beating.set(false);
        }
    }

    @Override
    public boolean claim(String name, Duration period) {
        try {
            // A little under the period, so the next tick of whichever node is first can claim again.
            long millis = Math.max(1, period.toMillis() * 9 / 10);
            return link.call(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.SET)
                    .arg(link.key("chore", name)).arg(config.nodeId()).arg("NX").arg("PX").arg(millis)) != null;
        } catch (RedisUnavailableException e) {
            return true;
        }
    }

    @Override
    public void stopping() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        presence.freeze();
        nodes.leave();
    }

    @Override
    public void close() {
        bus.close();
        link.close();
    }

    private static String redacted(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }
}
