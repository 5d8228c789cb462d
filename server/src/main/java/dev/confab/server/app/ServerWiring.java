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
import dev.confab.server.conversations.ConversationService;
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

    ServerWiring(ServerConfig config, Vertx vertx, Executor blockingThreads, Database database, Clock clock,
                 BooleanSupplier ready) {
        this.vertx = vertx;
        this.sessionSweepMillis = config.sessionSweepInterval().toMillis();
        WireJson json = new WireJson();
        blocking = new BlockingCalls(vertx, blockingThreads);
        var accountStore = new JdbcAccountStore(database);
        var conversationStore = new JdbcConversationStore(database, clock);
        registry = new ConnectionRegistry(new EventFrames(json));
        var bus = new LocalBus(registry);
        var tokens = new SessionTokens(new SecureRandom());
        var argon2 = config.argon2();
        accounts = new AccountService(accountStore, new JdbcSessionStore(database),
                new Argon2PasswordHasher(argon2.memoryKib(), argon2.iterations(), argon2.parallelism(), argon2.maxConcurrent()),
                tokens, config.accounts(), new LocalRateLimiter(config.accounts().loginAttemptsPerWindow(),
                config.accounts().loginAttemptWindow(), clock), bus, clock);
        var tickets = new TicketService(tokens, config.ticketTtl(), clock);
        var messages = new MessageService(new JdbcMessageStore(database), conversationStore, accountStore, bus,
                new LocalRateLimiter(config.sendsPerWindow(), config.sendWindow(), clock), config.messages(), clock);
        var conversations = new ConversationService(conversationStore, accountStore, config.conversationPageSize(),
                config.maxConversationPageSize());
        var presence = new PresenceService(new LocalPresenceRegistry(), accountStore, conversationStore, bus, clock);
        var requests = new WsRequests(messages, conversations, presence, config.wsLimits().maxPresenceQuery(), clock);
        var wsApi = new WsApi(json, requests, presence, blocking, config.wsLimits(), clock,
                (int) config.ws().heartbeatInterval().toSeconds(), config.messages().maxBodyChars());
        gateway = new WsGateway(vertx, config.ws(), new OriginPolicy(config.allowedOrigins()),
                new WsAuthenticator(accounts, tickets, blocking), wsApi, registry, clock);
        router = HttpApi.router(vertx, new HttpApi.Services(accounts, tickets, accountStore, conversations, messages,
                presence), blocking, json, config.maxBodyBytes(), config.wsLimits().maxPresenceQuery(), ready);
    }

    void startTimers() {
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
