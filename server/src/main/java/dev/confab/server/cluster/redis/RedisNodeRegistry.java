package dev.confab.server.cluster.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.cluster.NodeDirectory;
import dev.confab.server.cluster.NodeInfo;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node registry and load balancer, kept in Redis. Keys, all under the configured prefix:
 * <ul>
 *   <li>{@code nodes}: set of node ids that registered and were not reaped;</li>
 *   <li>{@code node:<id>}: JSON {url, connections}, expiring after {@code cluster.node-ttl}; a node is
 *       live while this key exists, and refreshes it on every heartbeat;</li>
 *   <li>{@code node:<id>:online}: accounts with a connection on that node (see {@link RedisPresenceRegistry});</li>
 *   <li>{@code load}: sorted set, node id → connections at its last heartbeat plus clients assigned to it
 *       since, so a burst of assignments spreads before the next report;</li>
 *   <li>{@code reaped:<id>}: marks a node reaped (by exactly one survivor, atomically), so that if it
 *       was only cut off it re-announces its users when it is back.</li>
 * </ul>
 * Blocking methods; call them from blocking code. Thread-safe.
 */
public final class RedisNodeRegistry implements NodeDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(RedisNodeRegistry.class);
    private static final long ONLINE_SET_MAX_AGE_MILLIS = Duration.ofDays(1).toMillis();
    private static final long REAPED_MARK_MILLIS = Duration.ofHours(1).toMillis();

    /**
     * Reaps one node if, and only if, it is dead, in one atomic step (a node that re-registers meanwhile
     * is never wiped). KEYS: node, online set, nodes, load, reaped mark; ARGV: node id, reaper id, mark TTL.
     * Returns the accounts it listed, or nil when the node is alive.
     */
    private static final String REAP_SCRIPT = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return nil end
            local accounts = redis.call('SMEMBERS', KEYS[2])
            redis.call('DEL', KEYS[2])
            redis.call('SREM', KEYS[3], ARGV[1])
            redis.call('ZREM', KEYS[4], ARGV[1])
            redis.call('SET', KEYS[5], ARGV[2], 'PX', ARGV[3])
            return accounts
            """;
    /** Least-loaded live node, counted as assigned. KEYS[1] = load; ARGV[1] = prefix. Returns {id, info, load after}. */
    private static final String ASSIGN_SCRIPT = """
            local ids = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
            for i = 1, #ids, 2 do
              local info = redis.call('GET', ARGV[1] .. 'node:' .. ids[i])
              if info then
                local load = redis.call('ZINCRBY', KEYS[1], 1, ids[i])
                return {ids[i], info, load}
              end
              redis.call('ZREM', KEYS[1], ids[i])
            end
            return nil
            """;
    /** Every live node, least loaded first: flat {id, info, load, ...}. */
    private static final String LIVE_SCRIPT = """
            local ids = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
            local out = {}
            for i = 1, #ids, 2 do
              local info = redis.call('GET', ARGV[1] .. 'node:' .. ids[i])
              if info then
                out[#out + 1] = ids[i]; out[#out + 1] = info; out[#out + 1] = ids[i + 1]
              end
            end
            return out
            """;

    private final RedisLink link;
    private final String nodeId;
    private final Supplier<URI> url;
    private final IntSupplier connections;
    private final RedisPresenceRegistry presence;
    private final long ttlMillis;
    private final Consumer<Set<AccountId>> accountsLost;
    private final Consumer<Set<AccountId>> accountsRestored;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param accountsLost     called (blocking allowed) with the accounts a dead node held; announce them
     * @param accountsRestored called with this node's accounts after it was reaped while still alive
     */
    public RedisNodeRegistry(RedisLink link, String nodeId, Supplier<URI> url, IntSupplier connections,
                             RedisPresenceRegistry presence, Duration nodeTtl, Consumer<Set<AccountId>> accountsLost,
                             Consumer<Set<AccountId>> accountsRestored) {
        this.link = link;
        this.nodeId = nodeId;
        this.url = url;
        this.connections = connections;
        this.presence = presence;
        this.ttlMillis = nodeTtl.toMillis();
        this.accountsLost = accountsLost;
        this.accountsRestored = accountsRestored;
    }

    /**
     * At start, before taking connections: an earlier process with this node id (killed, say) may have
     * left accounts listed; its connections are gone, so they are handed to {@code accountsLost}.
     */
    public void takeOver() {
        try {
            Set<AccountId> stale = members(link.call(Request.cmd(Command.SMEMBERS).arg(key("node", nodeId, "online"))));
            link.call(Request.cmd(Command.DEL).arg(key("node", nodeId, "online")));
            if (!stale.isEmpty()) {
                LOG.info("{} accounts were listed by an earlier run of node {}", stale.size(), nodeId);
                accountsLost.accept(stale);
            }
        } catch (RedisUnavailableException e) {
            LOG.warn("Redis unreachable at start; the node registers once it answers: {}", e.getMessage());
        }
    }

    /** One heartbeat: refresh this node's registration and reap nodes that stopped refreshing theirs. */
    public void heartbeat() {
        List<Response> r = link.callBatch(List.of(
                Request.cmd(Command.SET).arg(key("node", nodeId)).arg(info()).arg("PX").arg(ttlMillis).arg("GET"),
                Request.cmd(Command.SADD).arg(key("nodes")).arg(nodeId),
                Request.cmd(Command.ZADD).arg(key("load")).arg(connections.getAsInt()).arg(nodeId),
                Request.cmd(Command.PEXPIRE).arg(key("node", nodeId, "online")).arg(ONLINE_SET_MAX_AGE_MILLIS)));
        if (r.getFirst() == null) {
            Set<AccountId> accounts = presence.reRegister();
            Response reaped = link.call(Request.cmd(Command.GETDEL).arg(key("reaped", nodeId)));
            if (reaped != null && !accounts.isEmpty()) {
                LOG.warn("this node was taken for dead while cut off from Redis; re-announcing {} accounts", accounts.size());
                accountsRestored.accept(accounts);
            }
        }
        reapDead();
    }

    /** On shutdown: stop being assigned and let a survivor reap this node at its next heartbeat. */
    public void leave() {
        try {
            link.callBatch(List.of(Request.cmd(Command.DEL).arg(key("node", nodeId)),
                    Request.cmd(Command.ZREM).arg(key("load")).arg(nodeId)));
        } catch (RedisUnavailableException e) {
            LOG.debug("could not deregister: {}", e.getMessage());
        }
    }

    @Override
    public NodeInfo assign() {
        try {
            Response r = link.call(Request.cmd(Command.EVAL).arg(ASSIGN_SCRIPT).arg(1).arg(key("load")).arg(key("")));
            return r == null ? self() : node(r.get(0).toString(), r.get(1).toString(), r.get(2).toString());
        } catch (RedisUnavailableException e) {
            return self();
        }
    }

    @Override
    public List<NodeInfo> liveNodes() {
        try {
            Response r = link.call(Request.cmd(Command.EVAL).arg(LIVE_SCRIPT).arg(1).arg(key("load")).arg(key("")));
            List<NodeInfo> nodes = new ArrayList<>();
            for (int i = 0; i + 2 < r.size(); i += 3) {
                nodes.add(node(r.get(i).toString(), r.get(i + 1).toString(), r.get(i + 2).toString()));
            }
            return nodes.isEmpty() ? List.of(self()) : nodes;
        } catch (RedisUnavailableException e) {
            return List.of(self());
        }
    }

    private void reapDead() {
        for (String other : nodeIds()) {
            if (other.equals(nodeId)) {
                continue;
            }
            Response listed = link.call(Request.cmd(Command.EVAL).arg(REAP_SCRIPT).arg(5).arg(key("node", other))
                    .arg(key("node", other, "online")).arg(key("nodes")).arg(key("load")).arg(key("reaped", other))
                    .arg(other).arg(nodeId).arg(REAPED_MARK_MILLIS));
            if (listed == null) {
                continue;
            }
            Set<AccountId> lost = members(listed);
            LOG.info("node {} left or stopped heartbeating; {} of its accounts are offline unless connected elsewhere",
                    other, lost.size());
            accountsLost.accept(lost);
        }
    }

    private List<String> nodeIds() {
        Response r = link.call(Request.cmd(Command.SMEMBERS).arg(key("nodes")));
        return r == null ? List.of() : r.stream().map(Response::toString).toList();
    }

    private static Set<AccountId> members(Response r) {
        return r == null ? Set.of() : r.stream().map(x -> new AccountId(Long.parseLong(x.toString()))).collect(Collectors.toSet());
    }

    private NodeInfo node(String id, String info, String load) {
        try {
            NodeRecord record = json.readValue(info, NodeRecord.class);
            return new NodeInfo(id, URI.create(record.url()), (long) Double.parseDouble(load));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn("unreadable registration of node {}: {}", id, e.toString());
            return self();
        }
    }

    private NodeInfo self() {
        return new NodeInfo(nodeId, url.get(), connections.getAsInt());
    }

    private String info() {
        try {
            return json.writeValueAsString(new NodeRecord(url.get().toString(), connections.getAsInt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String key(String... parts) {
        return link.key(parts);
    }

    /** What a node publishes about itself in {@code node:<id>}. */
    record NodeRecord(String url, int connections) {
    }
}
