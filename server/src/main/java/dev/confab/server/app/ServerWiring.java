package dev.confab.server.app;

import dev.confab.protocol.WireJson;
import dev.confab.server.accounts.AccountService;
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
import dev.confab.server.cluster.LocalBus;
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
import dev.confab.server.limits.LocalRateLimiter;
import dev.confab.server.messages.MessageService;
import dev.confab.server.presence.LocalPresenceRegistry;
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

/** Builds and connects the node's parts for a single node (local bus, in-memory presence and limits). */
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

    ServerWiring(ServerConfig config, Vertx vertx, Executor blockingThreads, Database database, Clock clock,
                 BooleanSupplier ready) {
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
        registry = new ConnectionRegistry(new EventFrames(json, eventData));
        var bus = new LocalBus(registry);
        var tokens = new SessionTokens(new SecureRandom());
        var argon2 = config.argon2();
        var loginAttempts = new LocalRateLimiter(config.accounts().loginAttemptsPerWindow(),
                config.accounts().loginAttemptWindow(), clock);
        accounts = new AccountService(accountStore, new JdbcSessionStore(database),
                new Argon2PasswordHasher(argon2.memoryKib(), argon2.iterations(), argon2.parallelism(), argon2.maxConcurrent()),
                tokens, config.accounts(), loginAttempts, bus, clock);
        var tickets = new TicketService(tokens, config.ticketTtl(), clock);
        var messageStore = new JdbcMessageStore(database);
        this.retention = new RetentionService(membershipStore, messageStore, clock);
        var memberCache = new MemberCache(conversationStore, config.memberCacheSize(), java.time.Duration.ofMinutes(10));
        var messages = new MessageService(messageStore, conversationStore, accountStore, bus,
                new LocalRateLimiter(config.sendsPerWindow(), config.sendWindow(), clock), config.messages(),
                contactStore, membershipStore, memberCache, config.contacts().directMessages(),
                config.readableAfterDisband(), clock);
        var conversations = new ConversationService(conversationStore, accountStore, membershipStore,
                config.conversationPageSize(),
                config.maxConversationPageSize());
        var presence = new PresenceService(new LocalPresenceRegistry(), accountStore, contactStore, conversationStore,
                config.presenceSharedWithGroups(), bus, clock);
        var contactEvents = new ContactEvents(bus);
        var rules = new AccountRules(config.accounts());
        var people = new PeopleDirectory(accountStore, rules,
                new LocalRateLimiter(config.searchesPerWindow(), config.searchWindow(), clock), config.wsLimits().maxPresenceQuery());
        var events = new EventService(eventStore, config.eventPageSize(), config.maxEventPageSize());
        var receipts = new ReceiptService(conversationStore, messageStore, contactStore, bus);
        var typing = new TypingService(memberCache, contactStore, bus,
                new LocalRateLimiter(1, config.typingMinInterval(), clock), config.typingShowFor());
        var requests = new WsRequests(messages, conversations, presence, events, eventData, receipts, typing,
                config.wsLimits().maxPresenceQuery(), clock);
        var wsApi = new WsApi(json, requests, presence, events, accounts, blocking, config.wsLimits(), clock,
                (int) config.ws().heartbeatInterval().toSeconds(), config.messages().maxBodyChars());
        gateway = new WsGateway(vertx, config.ws(), new OriginPolicy(config.allowedOrigins()),
                new WsAuthenticator(accounts, tickets, blocking), wsApi, registry, clock);
        var settingsRules = new SettingsRules(config.conversations());
        var timeline = new Timeline(new SystemNoticeJson(json), bus, memberCache);
        var memberships = new MembershipService(membershipStore, timeline, settingsRules, clock);
        var groups = new GroupService(membershipStore, memberships, contactStore, timeline, settingsRules);
        var rooms = new RoomService(membershipStore, memberships, timeline, settingsRules);
        var services = new HttpApi.Services(accounts, tickets, accountStore, conversations, messages, presence,
                new ProfileService(contactStore, accountStore, rules, contactEvents),
                new FriendRequestService(contactStore, accountStore, contactEvents, config.contacts(), clock),
                new FriendService(contactStore, accountStore, contactEvents, config.contacts(), clock),
                people, events, eventData, groups, rooms, memberships, new ConversationSettingsEdit(memberships, settingsRules),
                receipts, typing);
        router = HttpApi.router(vertx, services, blocking, json, config.maxBodyBytes(), config.wsLimits().maxPresenceQuery(),
                ready, clock);
    }

    void startTimers() {
        vertx.setPeriodic(retentionSweepMillis, id -> blocking.run(retention::sweep)
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
