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
                           boolean readableAfterDisband, Cluster cluster, Admin admin, Duration presenceOfflineGrace) {

    /**
     * The admin API: {@code token} empty means it is off. {@link #toString()} never shows the token.
     */
    public record Admin(String token, int maxBulkAccounts) {
        public boolean enabled() {
            return !token.isEmpty();
        }

        @Override
        public String toString() {
            return "Admin[token=" + (enabled() ? "***" : "none") + ", maxBulkAccounts=" + maxBulkAccounts + "]";
        }
    }

    /**
     * Cluster mode. {@code redisUrl} empty: a single node. {@code nodeId} empty: the node picks a random
     * one when it starts ({@link #withNodeId}).
     */
    public record Cluster(String redisUrl, String nodeId, String keyPrefix, Duration heartbeatInterval,
                          Duration nodeTtl, Duration redisTimeout, Duration resyncSpread, int resyncMaxAccounts) {
        public boolean enabled() {
            return !redisUrl.isEmpty();
        }

        /** These settings with {@code id} as the node id. */
        public Cluster withNodeId(String id) {
            return new Cluster(redisUrl, id, keyPrefix, heartbeatInterval, nodeTtl, redisTimeout, resyncSpread,
                    resyncMaxAccounts);
        }
    }

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
        PostgresUrl pg = PostgresUrl.parse(v.text("db.url"));
        String url = v.text("db.url").isEmpty()
                ? "jdbc:sqlite:" + dataDir.resolve("confab.db").toAbsolutePath() : pg == null ? v.text("db.url") : pg.jdbcUrl();
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("db.url must start with jdbc:sqlite:, jdbc:postgresql:, postgresql:// or postgres://");
        }
        DatabaseSettings database = database(v, url, pg);
        Argon2 argon2 = new Argon2(v.integer("auth.argon2-memory-kib", 19456, 4_194_304),
                v.integer("auth.argon2-iterations", 2, 100), v.integer("auth.argon2-parallelism", 1, 64),
                v.integer("auth.max-concurrent-hashes", 1, 1024));
        int minPassword = v.integer("auth.password-min-length", 1, 1024);
        AccountLimits accounts = new AccountLimits(minPassword,
                v.integer("auth.password-max-length", Math.max(64, minPassword), 65536),
                v.integer("auth.display-name-max-length", 1, 1024), v.duration("auth.session-idle-timeout"),
                v.duration("auth.session-max-age"), v.integer("auth.login-attempts-per-window", 1, 1_000_000),
                v.duration("auth.login-attempt-window"), sessionPolicy(v));
        Duration sweep = v.duration("auth.session-sweep-interval");
        if (accounts.sessionIdleTimeout().compareTo(sweep.plusMinutes(2)) < 0) {
            throw new ConfigException("auth.session-idle-timeout must exceed auth.session-sweep-interval by at least 2m,"
                    + " or sessions with an open socket could idle out between sweeps");
        }
        WsSettings ws = new WsSettings("/api/v1/ws", v.integer("ws.max-frame-bytes", 1024, 64 * 1024 * 1024),
                v.integer("ws.outbound-queue-frames", 1, 1_000_000), v.duration("ws.heartbeat-interval"),
                v.duration("ws.idle-timeout"), Boolean.parseBoolean(v.oneOf("ws.permessage-deflate", "TRUE", "FALSE")));
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
                Boolean.parseBoolean(v.oneOf("conversations.readable-after-disband", "TRUE", "FALSE")),
                cluster(v, url), admin(v), offlineGrace(v));
    }

    private static Duration offlineGrace(ConfigValues v) {
        return v.text("presence.offline-grace").strip().matches("0+(ms|s|m|h|d)?") ? Duration.ZERO
                : v.duration("presence.offline-grace");
    }

    private static Admin admin(ConfigValues v) {
        String token = v.text("admin.token");
        if (!token.isEmpty() && (token.length() < 16 || token.length() > 512
                || token.chars().anyMatch(c -> c <= ' ' || c >= 0x7f))) {
            throw new ConfigException("admin.token must be 16 to 512 printable ASCII characters without spaces"
                    + " (or empty, to turn the admin API off)");
        }
        return new Admin(token, v.integer("admin.max-bulk-accounts", 1, 10_000_000));
    }

    private static Cluster cluster(ConfigValues v, String dbUrl) {
        String redis = v.text("cluster.redis-url").trim();
        if (!redis.isEmpty() && !redis.startsWith("redis://") && !redis.startsWith("rediss://")) {
            throw new ConfigException("cluster.redis-url must start with redis:// or rediss://");
        }
        if (!redis.isEmpty() && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("cluster.redis-url needs a PostgreSQL db.url: every node of a cluster shares one database");
        }
        String nodeId = v.text("cluster.node-id").trim();
        if (!nodeId.isEmpty() && !nodeId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ConfigException("cluster.node-id must be 1-64 letters, digits, '.', '_' or '-'");
        }
        String prefix = v.text("cluster.key-prefix");
        if (prefix.length() > 100 || prefix.chars().anyMatch(c -> c <= ' ')) {
            throw new ConfigException("cluster.key-prefix must be at most 100 characters without spaces");
        }
        Duration heartbeat = v.duration("cluster.heartbeat-interval");
        Duration ttl = v.duration("cluster.node-ttl");
        if (ttl.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new ConfigException("cluster.node-ttl must be at least twice cluster.heartbeat-interval,"
                    + " or a live node could be taken for dead between two heartbeats");
        }
        Duration spread = v.duration("cluster.resync-spread");
        if (spread.isNegative()) {
            throw new ConfigException("cluster.resync-spread must not be negative");
        }
        return new Cluster(redis, nodeId, prefix, heartbeat, ttl, v.duration("cluster.redis-timeout"), spread,
                v.integer("cluster.resync-max-accounts", 0, 10_000_000));
    }

    private static dev.confab.server.accounts.SessionPolicy sessionPolicy(ConfigValues v) {
        try {
            return dev.confab.server.accounts.SessionPolicy.parse(v.text("auth.session-policy"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("auth.session-policy: " + e.getMessage());
        }
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

    private static DatabaseSettings database(ConfigValues v, String url, PostgresUrl pg) {
        String user = pg != null && pg.user() != null && v.text("db.user").isEmpty() ? pg.user() : v.text("db.user");
        String password = pg != null && pg.password() != null && v.text("db.password").isEmpty() ? pg.password() : v.text("db.password");
        try {
            return new DatabaseSettings(url, emptyToNull(user), emptyToNull(password),
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
