package dev.confab.server.app.config;

import dev.confab.server.accounts.AccountLimits;
import dev.confab.server.api.ws.WsLimits;
import dev.confab.server.contacts.ContactLimits;
import dev.confab.server.conversations.ConversationLimits;
import dev.confab.server.contacts.DirectMessagePolicy;
import dev.confab.server.messages.MessageLimits;
import dev.confab.server.store.jdbc.DatabaseSettings;
import dev.confab.server.transport.ws.WsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The validated, typed configuration tree. Built once at start by {@link #from(ConfigValues)}; any bad
 * value stops the start with a {@link ConfigException} that names its key.
 */
public record ServerConfig(Server server, long maxBodyBytes, DatabaseSettings database, Argon2 argon2,
                           AccountLimits accounts, Duration sessionSweepInterval, Duration ticketTtl, List<String> allowedOrigins, WsSettings ws,
                           WsLimits wsLimits, MessageLimits messages, int sendsPerWindow, Duration sendWindow,
                           int conversationPageSize, int maxConversationPageSize, ContactLimits contacts,
                           int searchesPerWindow, Duration searchWindow, int eventPageSize, int maxEventPageSize,
                           ConversationLimits conversations, Duration typingMinInterval, Duration typingShowFor,
                           boolean presenceSharedWithGroups, int memberCacheSize, Duration retentionSweepInterval,
                           boolean readableAfterDisband) {

    /** Where and how the node listens. */
    public record Server(String host, int port, String publicUrl, Path dataDir, Duration shutdownGrace) {
    }

    /** Password hashing cost. */
    public record Argon2(int memoryKib, int iterations, int parallelism, int maxConcurrent) {
    }

    public static ServerConfig from(ConfigValues v) {
        Path dataDir = Path.of(v.text("server.data-dir"));
        Server server = new Server(v.text("server.host"), v.integer("server.port", 0, 65535),
                v.text("server.public-url"), dataDir, v.duration("server.shutdown-grace"));
        String url = v.text("db.url").isEmpty()
                ? "jdbc:sqlite:" + dataDir.resolve("confab.db").toAbsolutePath() : v.text("db.url");
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("db.url must start with jdbc:sqlite: or jdbc:postgresql:");
        }
        DatabaseSettings database = database(v, url);
        Argon2 argon2 = new Argon2(v.integer("auth.argon2-memory-kib", 19456, 4_194_304),
                v.integer("auth.argon2-iterations", 2, 100), v.integer("auth.argon2-parallelism", 1, 64),
                v.integer("auth.max-concurrent-hashes", 1, 1024));
        int minPassword = v.integer("auth.password-min-length", 1, 1024);
        AccountLimits accounts = new AccountLimits(minPassword,
                v.integer("auth.password-max-length", Math.max(64, minPassword), 65536),
                v.integer("auth.display-name-max-length", 1, 1024), v.duration("auth.session-idle-timeout"),
                v.duration("auth.session-max-age"), v.integer("auth.login-attempts-per-window", 1, 1_000_000),
                v.duration("auth.login-attempt-window"));
        Duration sweep = v.duration("auth.session-sweep-interval");
        if (accounts.sessionIdleTimeout().compareTo(sweep.plusMinutes(2)) < 0) {
            throw new ConfigException("auth.session-idle-timeout must exceed auth.session-sweep-interval by at least 2m,"
                    + " or sessions with an open socket could idle out between sweeps");
        }
        WsSettings ws = new WsSettings("/api/v1/ws", v.integer("ws.max-frame-bytes", 1024, 64 * 1024 * 1024),
                v.integer("ws.outbound-queue-frames", 1, 1_000_000), v.duration("ws.heartbeat-interval"),
                v.duration("ws.idle-timeout"));
        if (ws.idleTimeout().compareTo(ws.heartbeatInterval()) <= 0) {
            throw new ConfigException("ws.idle-timeout must be longer than ws.heartbeat-interval");
        }
        WsLimits wsLimits = new WsLimits(v.integer("ws.max-pending-requests", 1, 100_000),
                v.integer("ws.max-bad-frames", 1, 1_000_000), v.duration("ws.bad-frame-window"),
                v.integer("presence.max-query", 1, 100_000));
        int defaultPage = v.integer("messages.default-page-size", 1, 100_000);
        MessageLimits messages = new MessageLimits(v.integer("messages.max-body-chars", 1, 10_000_000), defaultPage,
                v.integer("messages.max-page-size", defaultPage, 100_000));
        return new ServerConfig(server, v.longValue("http.max-body-bytes", 1024, 1L << 32), database, argon2, accounts,
                v.duration("auth.session-sweep-interval"), v.duration("auth.ticket-ttl"), v.list("ws.allowed-origins"), ws, wsLimits, messages,
                v.integer("messages.sends-per-window", 1, 100_000_000), v.duration("messages.send-window"),
                v.integer("conversations.default-page-size", 1, 100_000),
                v.integer("conversations.max-page-size", v.integer("conversations.default-page-size", 1, 100_000), 100_000),
                contacts(v), v.integer("contacts.searches-per-window", 1, 1_000_000), v.duration("contacts.search-window"),
                v.integer("events.default-page-size", 1, 100_000),
                v.integer("events.max-page-size", v.integer("events.default-page-size", 1, 100_000), 100_000),
                new ConversationLimits(v.integer("groups.max-size", 2, 1_000_000),
                        v.integer("rooms.default-capacity", 2, v.integer("rooms.max-capacity", 2, 10_000_000)),
                        v.integer("rooms.max-capacity", 2, 10_000_000), v.integer("conversations.title-max-chars", 1, 1000),
                        v.integer("conversations.description-max-chars", 1, 100_000),
                        v.integer("rooms.directory-page-size", 1, 10_000)),
                v.duration("typing.min-interval"), v.duration("typing.show-for"),
                Boolean.parseBoolean(v.oneOf("presence.share-with-groups", "TRUE", "FALSE")),
                v.integer("conversations.member-cache-size", 1, 10_000_000), v.duration("retention.sweep-interval"),
                Boolean.parseBoolean(v.oneOf("conversations.readable-after-disband", "TRUE", "FALSE")));
    }

    private static ContactLimits contacts(ConfigValues v) {
        DirectMessagePolicy policy;
        try {
            policy = DirectMessagePolicy.parse(v.text("contacts.direct-messages"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("contacts.direct-messages: " + e.getMessage());
        }
        return new ContactLimits(v.duration("contacts.request-ttl"), v.duration("contacts.decline-cooldown"),
                v.integer("contacts.request-message-max-chars", 0, 10_000), v.integer("contacts.remark-max-chars", 1, 1000),
                policy);
    }

    private static DatabaseSettings database(ConfigValues v, String url) {
        try {
            return new DatabaseSettings(url, emptyToNull(v.text("db.user")), emptyToNull(v.text("db.password")),
                    v.integer("db.pool-size", 1, 1000), v.oneOf("db.sqlite-synchronous", "FULL", "NORMAL"),
                    v.duration("db.connection-timeout"), emptyToNull(v.text("db.schema")));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("db settings: " + e.getMessage());
        }
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
