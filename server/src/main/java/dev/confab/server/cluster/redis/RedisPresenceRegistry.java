package dev.confab.server.cluster.redis;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.presence.LocalPresenceRegistry;
import dev.confab.server.presence.PresenceRegistry;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.Collection;
import java.util.List;

/**
 * Presence across the cluster. Each node counts its own connections in memory and mirrors the set of
 * accounts it holds into {@code <prefix>node:<id>:online}; an account is online when any live node
 * (one whose {@code <prefix>node:<id>} key has not expired) lists it. A node that dies stops refreshing
 * its key, so its accounts read as offline within {@code cluster.node-ttl}; a survivor then reaps the
 * set and announces them offline (see {@link RedisNodeRegistry}).
 *
 * <p>{@link #connected} and {@link #disconnected} return whether this node's count went from or to
 * zero; the presence service then announces the account's cluster-wide state, which it reads here.
 */
public final class RedisPresenceRegistry implements PresenceRegistry {
    /** 1 for each account in ARGV that some live node lists, else 0. KEYS[1] = the node set. */
    private static final String ONLINE_SCRIPT = """
            local nodes = redis.call('SMEMBERS', KEYS[1])
            local live = {}
            for _, n in ipairs(nodes) do
              if redis.call('EXISTS', ARGV[1] .. 'node:' .. n) == 1 then live[#live + 1] = n end
            end
            local out = {}
            for i = 2, #ARGV do
              local found = 0
              for _, n in ipairs(live) do
                if redis.call('SISMEMBER', ARGV[1] .. 'node:' .. n .. ':online', ARGV[i]) == 1 then found = 1 break end
              end
              out[#out + 1] = found
            end
            return out
            """;

    private final LocalPresenceRegistry local = new LocalPresenceRegistry();
    private final RedisLink link;
    private final String onlineKey;
    private volatile boolean frozen;

    public RedisPresenceRegistry(RedisLink link, String nodeId) {
        this.link = link;
        this.onlineKey = link.key("node", nodeId, "online");
    }

    @Override
    public boolean connected(AccountId account) {
        boolean first = local.connected(account);
        if (first) {
            mirror(account);
        }
        return first;
    }

    @Override
    public boolean disconnected(AccountId account) {
        boolean last = local.disconnected(account);
        if (last) {
            mirror(account);
        }
        return last;
    }

    /**
     * Blocking (one Redis round trip). While Redis is unreachable, answers from this node's own
     * connections only.
     */
    @Override
    public boolean isOnline(AccountId account) {
        return local.isOnline(account) || onlineElsewhere(List.of(account)).getFirst();
    }

    @Override
    public java.util.Set<AccountId> online(Collection<AccountId> accounts) {
        List<AccountId> asked = List.copyOf(new java.util.LinkedHashSet<>(accounts));
        java.util.Set<AccountId> online = new java.util.HashSet<>();
        if (asked.isEmpty()) {
            return online;
        }
        List<Boolean> flags = onlineElsewhere(asked);
        for (int i = 0; i < asked.size(); i++) {
            if (flags.get(i) || local.isOnline(asked.get(i))) {
                online.add(asked.get(i));
            }
        }
        return online;
    }

    /**
     * On shutdown: stop mirroring, so that as this node's sockets close its online set stays as it was
     * and the survivor that reaps this node announces those users (unless they reconnected elsewhere).
     */
    public void freeze() {
        frozen = true;
    }

    /**
     * Rewrites this node's online set from its own counts (after Redis lost it, or a survivor reaped
     * this node while it was cut off). Returns the accounts written.
     */
    synchronized java.util.Set<AccountId> reRegister() {
        java.util.Set<AccountId> accounts = local.accounts();
        link.send(Request.cmd(Command.DEL).arg(onlineKey));
        if (!accounts.isEmpty()) {
            Request add = Request.cmd(Command.SADD).arg(onlineKey);
            accounts.forEach(a -> add.arg(a.value()));
            link.send(add);
        }
        return accounts;
    }

    /**
     * Writes the account's current local state. Reading the state and queueing the command happen under
     * one lock, and the link keeps order, so Redis ends with the latest state even when a connect and a
     * disconnect race on two threads.
     */
    private synchronized void mirror(AccountId account) {
        if (frozen) {
            return;
        }
        Command command = local.isOnline(account) ? Command.SADD : Command.SREM;
        link.send(Request.cmd(command).arg(onlineKey).arg(account.value()));
    }

    private List<Boolean> onlineElsewhere(Collection<AccountId> accounts) {
        Request eval = Request.cmd(Command.EVAL).arg(ONLINE_SCRIPT).arg(1).arg(link.key("nodes")).arg(link.key(""));
        accounts.forEach(a -> eval.arg(a.value()));
        try {
            Response r = link.call(eval);
            return r.stream().map(x -> x.toInteger() == 1).toList();
        } catch (RedisUnavailableException e) {
            return accounts.stream().map(a -> false).toList();
        }
    }
}
