package dev.confab.server.app;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.cluster.EventBus;
import dev.confab.server.cluster.LocalBus;
import dev.confab.server.cluster.LocalEndpoints;
import dev.confab.server.cluster.NodeDirectory;
import dev.confab.server.cluster.SingleNodeDirectory;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.limits.LocalRateLimiter;
import dev.confab.server.limits.RateLimiter;
import dev.confab.server.presence.LocalPresenceRegistry;
import dev.confab.server.presence.PresenceRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A server on its own: everything in memory, nothing to register. */
final class SingleNodeMode implements NodeMode {
    private final LocalBus bus;
    private final LocalPresenceRegistry presence = new LocalPresenceRegistry();
    private final SingleNodeDirectory nodes;

    SingleNodeMode(String nodeId, LocalEndpoints endpoints, Consumer<ConversationId> forgetMembers, Supplier<URI> url) {
        this.bus = new LocalBus(endpoints, forgetMembers);
        this.nodes = new SingleNodeDirectory(nodeId, url, endpoints::connectionCount);
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

    @Override
    public RateLimiter rateLimiter(String name, int permits, Duration window, Clock clock) {
        return new LocalRateLimiter(permits, window, clock);
    }

    @Override
    public dev.confab.server.accounts.TicketStore tickets(Clock clock) {
        return new dev.confab.server.accounts.MemoryTicketStore(clock);
    }

    @Override
    public void prepare(Consumer<Set<AccountId>> announce) {
    }

    @Override
    public void started() {
    }

    @Override
    public boolean claim(String name, Duration period) {
        return true;
    }

    @Override
    public void stopping() {
    }

    @Override
    public void close() {
    }
}
