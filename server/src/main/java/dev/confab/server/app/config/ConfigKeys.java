package dev.confab.server.app.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configuration key, with its default and documentation. The example file
 * ({@code confab.example.properties}) is generated from this list, so the two cannot drift apart.
 */
public final class ConfigKeys {
    public static final List<ConfigKey> ALL = List.of(
            key("server.host", "0.0.0.0", "Address to listen on. 0.0.0.0 listens on every interface; 127.0.0.1 only locally."),
            key("server.port", "8080", "TCP port for HTTP and WebSocket. 0 picks a free port (printed at start)."),
            key("server.public-url", "", "URL clients use to reach this node; printed at start. Empty: http://localhost:<port>."),
            key("server.data-dir", "./data", "Directory for the embedded database and other local state."),
            key("server.shutdown-grace", "10s", "On shutdown, how long to let in-flight requests finish after telling clients to reconnect."),
            key("http.max-body-bytes", "1048576", "Largest HTTP request body; larger requests get request.too_large (413)."),
            key("db.url", "", "Database URL. Empty: SQLite at <server.data-dir>/confab.db. For PostgreSQL: jdbc:postgresql://host:5432/db or postgresql://user:password@host:5432/db."),
            key("db.user", "", "Database user (PostgreSQL)."),
            key("db.password", "", "Database password (PostgreSQL). Prefer the CONFAB_DB_PASSWORD environment variable."),
            key("db.schema", "", "PostgreSQL schema to use (created if missing). Empty: the user's default schema."),
            key("db.pool-size", "10", "Maximum database connections."),
            key("db.sqlite-synchronous", "FULL", "SQLite durability: FULL (an acked message survives power loss) or NORMAL (survives a crash of the process)."),
            key("db.connection-timeout", "5s", "How long a request waits for a database connection before failing with 'unavailable'."),
            key("auth.session-idle-timeout", "30d", "A session unused for this long ends."),
            key("auth.session-max-age", "90d", "A session ends this long after login, used or not."),
            key("auth.session-sweep-interval", "5m", "How often expired sessions are removed (closing their sockets with 4001) and sessions with a live socket are marked in use."),
            key("auth.ticket-ttl", "30s", "Lifetime of a single-use WebSocket ticket."),
            key("auth.session-policy", "multi-device", "multi-device: an account may be signed in on many devices at once. single-session: a new login ends every other session of the account, on every node (their sockets get session.replaced, then close 4003)."),
            key("auth.password-min-length", "8", "Shortest accepted password, in characters."),
            key("auth.password-max-length", "1024", "Longest accepted password, in characters (never truncated)."),
            key("auth.display-name-max-length", "64", "Longest display name, in characters."),
            key("auth.argon2-memory-kib", "19456", "Argon2id memory per hash in KiB (at least 19456)."),
            key("auth.argon2-iterations", "2", "Argon2id iterations (at least 2)."),
            key("auth.argon2-parallelism", "1", "Argon2id lanes."),
            key("auth.max-concurrent-hashes", "2", "Password hashes computed at once; more logins wait. Bounds memory under a login flood."),
            key("auth.login-attempts-per-window", "10", "Login attempts per username per window; more get rate_limited."),
            key("auth.login-attempt-window", "1m", "Window for counting login attempts."),
            key("ws.allowed-origins", "", "Comma-separated browser origins allowed to open the WebSocket, besides the server's own origin (always allowed). '*': any."),
            key("ws.max-frame-bytes", "65536", "Largest WebSocket frame or message; larger ones close the connection with 1009."),
            key("ws.outbound-queue-frames", "1024", "Frames that may queue for a slow reader before it is disconnected with 4008."),
            key("ws.heartbeat-interval", "25s", "How often the server pings each connection."),
            key("ws.idle-timeout", "60s", "A connection that sends nothing (not even a pong) for this long is closed with 4000."),
            key("ws.permessage-deflate", "false", "Whether to accept WebSocket compression (permessage-deflate) when a client offers it, as browsers do. Off by default: a compressing connection keeps about 100 KB of zlib state for its whole life, and a frame sent to many connections is compressed once per connection."),
            key("ws.max-pending-requests", "256", "Requests of one connection waiting for an answer; more get rate_limited."),
            key("ws.max-bad-frames", "20", "Bad frames tolerated per window before the connection is closed with 1008."),
            key("ws.bad-frame-window", "1m", "Window for counting bad frames."),
            key("messages.max-body-chars", "4000", "Longest message body in characters (Unicode code points); longer ones get message.too_long."),
            key("messages.default-page-size", "100", "Messages per sync or history page when the client asks for no size."),
            key("messages.max-page-size", "500", "Largest sync or history page a client may ask for."),
            key("messages.sends-per-window", "200", "Messages one session may send per window; more get rate_limited."),
            key("messages.send-window", "10s", "Window for counting sends."),
            key("conversations.default-page-size", "200", "Conversations per list page when the client asks for no size."),
            key("conversations.max-page-size", "1000", "Largest conversation list page a client may ask for."),
            key("presence.share-with-groups", "true", "Whether members of a shared group (not room) see each other's presence, as friends do."),
            key("presence.offline-grace", "10s", "A user whose last connection closes is announced offline only this long later, unless they reconnect meanwhile (no offline/online flicker on a blip, failover or restart). 0s: at once."),
            key("presence.max-query", "200", "Most users in one presence query or profile lookup."),
            key("contacts.direct-messages", "friends-only", "Who may exchange direct messages: friends-only, or anyone (any user who knows the username)."),
            key("contacts.request-ttl", "30d", "A pending friend request expires this long after it was sent."),
            key("contacts.decline-cooldown", "24h", "After a decline, the same person may not ask again for this long (contact.request_throttled)."),
            key("contacts.request-message-max-chars", "200", "Longest friend request message, in characters."),
            key("contacts.remark-max-chars", "64", "Longest private remark for a friend, in characters."),
            key("contacts.searches-per-window", "30", "People searches one account may make per window; more get rate_limited."),
            key("contacts.search-window", "1m", "Window for counting people searches."),
            key("groups.max-size", "500", "Most members of a group (conversation.full beyond it)."),
            key("rooms.default-capacity", "10000", "Capacity of a room created without one (room.full beyond it)."),
            key("rooms.max-capacity", "100000", "Largest capacity a room may be given."),
            key("rooms.directory-page-size", "100", "Most rooms in one directory answer."),
            key("conversations.member-cache-size", "10000", "Conversations whose member lists are kept in memory for fan-out."),
            key("conversations.readable-after-disband", "true", "Whether members can still read a disbanded group's or room's history (false: conversation.disbanded)."),
            key("retention.sweep-interval", "10m", "How often retention limits of groups and rooms are applied."),
            key("conversations.title-max-chars", "100", "Longest group or room title."),
            key("conversations.description-max-chars", "1000", "Longest group description or room topic."),
            key("typing.min-interval", "2s", "Typing notices from one session in one conversation closer together than this are coalesced."),
            key("typing.show-for", "5s", "How long clients show a typing indicator unless it is repeated."),
            key("events.default-page-size", "200", "Events per sync page when the client asks for no size."),
            key("events.max-page-size", "1000", "Largest event sync page a client may ask for."),
            key("cluster.redis-url", "", "Redis URL (redis://[:password@]host:6379[/db]) of the cluster. Empty: a single node, nothing shared. Set: db.url must be PostgreSQL, shared by every node."),
            key("cluster.node-id", "", "This node's name in the cluster (letters, digits, '.', '_', '-'). Empty: a random one per start."),
            key("cluster.key-prefix", "confab:", "Prefix of every Redis key and channel, so several clusters can share one Redis."),
            key("cluster.heartbeat-interval", "2s", "How often a node refreshes its registration and load in Redis and checks for dead nodes."),
            key("cluster.node-ttl", "8s", "A node that has not refreshed its registration for this long is dead: it gets no new clients and its users go offline."),
            key("cluster.redis-timeout", "2s", "How long a Redis command may take before it counts as failed (sends still commit; live delivery degrades to catch-up)."),
            key("cluster.resync-spread", "5s", "A node that lost its bus subscription tells all its clients to resync, spread over this long so their catch-up reads do not hit the database at once (0s: all at once)."),
            key("cluster.resync-max-accounts", "100000", "Recipients of failed bus publishes a node remembers one by one, to resync only them when Redis answers; past this many, every client resyncs."),
            key("admin.token", "", "Bearer token of the admin API (/api/v1/admin/*: bulk provisioning of accounts and room members, for load tests and seeding). Empty: the admin API is off and answers 404. Set: 16 to 512 printable ASCII characters without spaces; keep it secret (prefer the CONFAB_ADMIN_TOKEN environment variable)."),
            key("admin.max-bulk-accounts", "20000", "Most accounts one admin bulk request may create or add to a room."));

    private ConfigKeys() {
    }

    private static ConfigKey key(String name, String defaultValue, String description) {
        return new ConfigKey(name, defaultValue, description);
    }

    public static Map<String, String> defaults() {
        Map<String, String> values = new LinkedHashMap<>();
        ALL.forEach(k -> values.put(k.name(), k.defaultValue()));
        return values;
    }

    /** The documented example configuration file. */
    public static String exampleFile() {
        StringBuilder out = new StringBuilder("""
                # Confab server configuration (Java properties format).
                # Every key is optional; the value shown is the default. Precedence, lowest first:
                # built-in defaults, this file (--config FILE), environment variables (CONFAB_<KEY>, e.g.
                # CONFAB_SERVER_PORT for server.port), command-line flags (--port, --data, --db, --set key=value).
                # Durations: 500ms, 30s, 5m, 2h, 30d (or ISO-8601 such as PT30S).
                """);
        String section = "";
        for (ConfigKey k : ALL) {
            if (!k.section().equals(section)) {
                section = k.section();
                out.append("\n# --- ").append(section).append(" ---\n");
            }
            out.append("\n# ").append(k.description()).append('\n');
            out.append(k.name()).append('=').append(k.defaultValue()).append('\n');
        }
        return out.toString();
    }
}
