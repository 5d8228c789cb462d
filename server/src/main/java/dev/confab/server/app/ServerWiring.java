package dev.confab.server.app;

import dev.confab.protocol.WireJson;
import dev.confab.server.accounts.AccountService;
import dev.confab.server.accounts.AdminToken;
import dev.confab.server.accounts.BulkProvisioning;
import dev.confab.server.conversations.BulkRoomJoins;
import dev.confab.server.store.jdbc.JdbcBulkAccountStore;
import dev.confab.server.accounts.Argon2PasswordHasher;
import dev.confab.server.accounts.SessionTokens;
import dev.confab.server.accounts.TicketService;
import dev.confab.server.api.BlockingCalls;
import dev.confab.server.api.http.HttpApi;
import dev.confab.server.api.ws.EventFrames;
import dev.confab.server.api.ws.WsApi;
import dev.confab.server.api.ws.WsAuthenticator;
import dev.confab.server.api.ws.WsRequests;
import dev.confab.server.app.config.ServerConfig;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.server.cluster.SessionEnd;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import dev.confab.server.accounts.AccountRules;
import dev.confab.server.api.EventData;
import dev.confab.server.contacts.ContactEvents;
import dev.confab.server.contacts.FriendRequestService;
import dev.confab.server.contacts.FriendService;
import dev.confab.server.contacts.PeopleDirectory;
import dev.confab.server.contacts.ProfileService;
import dev.confab.server.api.SystemNoticeJson;
import dev.confab.server.conversations.ConversationService;
import dev.confab.server.conversations.ConversationSettingsEdit;
import dev.confab.server.conversations.GroupService;
import dev.confab.server.conversations.MemberCache;
import dev.confab.server.conversations.MembershipService;
import dev.confab.server.conversations.RoomService;
import dev.confab.server.conversations.ReceiptService;
import dev.confab.server.conversations.RetentionService;
import dev.confab.server.conversations.SettingsRules;
import dev.confab.server.conversations.TypingService;
import dev.confab.server.conversations.Timeline;
import dev.confab.server.store.jdbc.JdbcMembershipStore;
import dev.confab.server.events.EventService;
import dev.confab.server.store.jdbc.JdbcAccountEventStore;
import dev.confab.server.store.jdbc.JdbcContactStore;
import dev.confab.server.messages.MessageService;
import dev.confab.server.presence.PresenceService;
import dev.confab.server.store.jdbc.Database;
import dev.confab.server.store.jdbc.JdbcAccountStore;
import dev.confab.server.store.jdbc.JdbcConversationStore;
import dev.confab.server.store.jdbc.JdbcMessageStore;
import dev.confab.server.store.jdbc.JdbcSessionStore;
import dev.confab.server.transport.ws.ConnectionRegistry;
import dev.confab.server.transport.ws.OriginPolicy;
import dev.confab.server.transport.ws.WsGateway;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and connects the node's parts. What differs between a lone server and a cluster member (bus,
 * presence, limits, node registry) comes from its {@link NodeMode}.
 */
final class ServerWiring {
    private static final Logger LOG = LoggerFactory.getLogger(ServerWiring.class);

    private final Vertx vertx;
    private final ConnectionRegistry registry;
    private final WsGateway gateway;
    private final Router router;
    private final AccountService accounts;
    private final BlockingCalls blocking;
    private final long sessionSweepMillis;
    private final long retentionSweepMillis;
    private final RetentionService retention;
    private final NodeMode mode;
    private final JdbcMessageStore messageStore;
    private final dev.confab.server.presence.OfflineGrace offlineGrace;
    private final PresenceService presence;

    ServerWiring(ServerConfig config, Vertx vertx, Executor blockingThreads, Database database, Clock clock,
                 BooleanSupplier ready, Supplier<URI> url) {
        this.vertx = vertx;
        this.sessionSweepMillis = config.sessionSweepInterval().toMillis();
        this.retentionSweepMillis = config.retentionSweepInterval().toMillis();
        WireJson json = new WireJson();
        blocking = new BlockingCalls(vertx, blockingThreads);
        var accountStore = new JdbcAccountStore(database);
        var conversationStore = new JdbcConversationStore(database, clock);
        var eventData = new EventData(json, clock);
        var contactStore = new JdbcContactStore(database, eventData, clock);
        var eventStore = new JdbcAccountEventStore(database);
        var membershipStore = new JdbcMembershipStore(database, clock);
        registry = new ConnectionRegistry(new EventFrames(json, eventData), (reason, device) -> reason == SessionEnd.REPLACED
                ? json.encode(new ServerFrame.SessionReplaced(device, clock.instant().truncatedTo(ChronoUnit.MILLIS))) : null);
        var memberCache = new MemberCache(conversationStore, config.memberCacheSize(), java.time.Duration.ofMinutes(10));
        var cluster = config.cluster().nodeId().isEmpty()
                ? config.cluster().withNodeId("node-" + Long.toHexString(new SecureRandom().nextLong() & 0xffffffffL))
                : config.cluster();
        mode = cluster.enabled()
                ? new ClusterNodeMode(cluster, vertx, blockingThreads, registry, memberCache, url, json)
                : new SingleNodeMode(cluster.nodeId(), registry, memberCache::invalidate, url);
        var bus = mode.bus();
        var tokens = new SessionTokens(new SecureRandom());
        var argon2 = config.argon2();
        var loginAttempts = mode.rateLimiter("login", config.accounts().loginAttemptsPerWindow(),
                config.accounts().loginAttemptWindow(), clock);
        var hasher = new Argon2PasswordHasher(argon2.memoryKib(), argon2.iterations(), argon2.parallelism(), argon2.maxConcurrent());
        accounts = new AccountService(accountStore, new JdbcSessionStore(database), hasher,
                tokens, config.accounts(), loginAttempts, bus, clock);
        var tickets = new TicketService(tokens, mode.tickets(clock), config.ticketTtl(), clock);
        messageStore = new JdbcMessageStore(database);
        this.retention = new RetentionService(membershipStore, messageStore, clock);
        var messages = new MessageService(messageStore, conversationStore, accountStore, bus,
                mode.rateLimiter("send", config.sendsPerWindow(), config.sendWindow(), clock), config.messages(),
                contactStore, membershipStore, memberCache, config.contacts().directMessages(),
                config.readableAfterDisband(), clock);
        var conversations = new ConversationService(conversationStore, accountStore, membershipStore,
                config.conversationPageSize(),
                config.maxConversationPageSize());
        presence = new PresenceService(mode.presence(), accountStore, contactStore, conversationStore,
                config.presenceSharedWithGroups(), bus, clock);
        var contactEvents = new ContactEvents(bus);
        var rules = new AccountRules(config.accounts());
        var people = new PeopleDirectory(accountStore, rules,
                mode.rateLimiter("search", config.searchesPerWindow(), config.searchWindow(), clock),
                config.wsLimits().maxPresenceQuery());
        var events = new EventService(eventStore, config.eventPageSize(), config.maxEventPageSize());
        var receipts = new ReceiptService(conversationStore, messageStore, contactStore, bus);
        var typing = new TypingService(memberCache, contactStore, bus,
                mode.rateLimiter("typing", 1, config.typingMinInterval(), clock), config.typingShowFor());
        var requests = new WsRequests(messages, conversations, presence, events, eventData, receipts, typing,
                config.wsLimits().maxPresenceQuery(), clock);
        offlineGrace = new dev.confab.server.presence.OfflineGrace(config.presenceOfflineGrace());
        var wsApi = new WsApi(json, requests, presence, events, accounts, blocking, config.wsLimits(), clock,
                (int) config.ws().heartbeatInterval().toSeconds(), config.messages().maxBodyChars(), offlineGrace);
        var origins = new OriginPolicy(config.allowedOrigins());
        gateway = new WsGateway(vertx, config.ws(), origins,
                new WsAuthenticator(accounts, tickets, blocking), wsApi, registry, clock);
        var settingsRules = new SettingsRules(config.conversations());
        var timeline = new Timeline(new SystemNoticeJson(json), bus);
        var memberships = new MembershipService(membershipStore, timeline, settingsRules, clock);
        var groups = new GroupService(membershipStore, memberships, contactStore, timeline, settingsRules);
        var rooms = new RoomService(membershipStore, memberships, timeline, settingsRules);
        var admin = new HttpApi.Admin(AdminToken.of(config.admin().token()),
                new BulkProvisioning(new JdbcBulkAccountStore(database), hasher, tokens, config.accounts(),
                        config.admin().maxBulkAccounts(), bus, clock),
                new BulkRoomJoins(membershipStore, accountStore, timeline, config.admin().maxBulkAccounts(), clock));
        var services = new HttpApi.Services(accounts, tickets, accountStore, conversations, messages, presence,
                new ProfileService(contactStore, accountStore, rules, contactEvents),
                new FriendRequestService(contactStore, accountStore, contactEvents, config.contacts(), clock),
                new FriendService(contactStore, accountStore, contactEvents, config.contacts(), clock),
                people, events, eventData, groups, rooms, memberships, new ConversationSettingsEdit(memberships, settingsRules),
                receipts, typing, mode.nodes(), admin);
        router = HttpApi.router(vertx, services, blocking, json, config.maxBodyBytes(), config.wsLimits().maxPresenceQuery(),
                ready, clock, new HttpApi.Browsers(origins, config.server().publicUrl().startsWith("https:")));
    }

    /** Before listening: settle what an earlier run of this node left in the cluster. Blocking. */
    void prepare() {
        mode.prepare(presence::announceAll);
    }

    /** The node listens: join the cluster (if any), then start periodic work. Blocking. */
    void startTimers() {
        mode.started();
        java.time.Duration retentionPeriod = java.time.Duration.ofMillis(retentionSweepMillis);
        vertx.setPeriodic(retentionSweepMillis, id -> blocking.run(() -> mode.claim("retention", retentionPeriod) ? retention.sweep() : 0)
                .onSuccess(n -> LOG.debug("retention pruned {} conversations", n))
                .onFailure(e -> LOG.warn("retention sweep failed: {}", e.toString())));
        gateway.startHeartbeats();
        vertx.setPeriodic(sessionSweepMillis, id -> {
            var live = registry.all().stream().map(c -> c.session().sessionId()).distinct().toList();
            blocking.run(() -> accounts.sweepSessions(live))
                    .onSuccess(n -> LOG.debug("ended {} expired sessions", n))
                    .onFailure(e -> LOG.warn("session sweep failed: {}", e.toString()));
        });
    }

    /** Stops the store's group-commit writer (after the last request finished). */
    void closeStores() {
        offlineGrace.close();
        messageStore.close();
    }

    NodeMode mode() {
        return mode;
    }

    ConnectionRegistry registry() {
        return registry;
    }

    WsGateway gateway() {
        return gateway;
    }

    Router router() {
        return router;
    }
}
