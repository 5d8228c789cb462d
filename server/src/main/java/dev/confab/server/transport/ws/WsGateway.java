package dev.confab.server.transport.ws;

import dev.confab.protocol.CloseCodes;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.transport.SessionCookie;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.http.HttpHeaders;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket endpoint: checks path and Origin, authenticates before accepting the upgrade (401 when
 * the credential is missing or bad, 403 for a foreign Origin, 503 when the database is down), then
 * registers the connection and runs heartbeats: a ping every interval, and a close with
 * {@link CloseCodes#HEARTBEAT_TIMEOUT} for connections silent past the idle timeout.
 *
 * <p>Heartbeats are spread over the interval: connections fall into {@value #HEARTBEAT_SLOTS} slots and
 * each tick handles one slot, so a node with 19,500 connections sends about 2,000 pings every 2.5 s
 * rather than 19,500 at once. (At once, they queued ahead of pushes on the event loops and at every
 * client, which showed as a tail in a large room's delivery times.)
 */
public final class WsGateway implements Handler<ServerWebSocketHandshake> {
    private static final Logger LOG = LoggerFactory.getLogger(WsGateway.class);
    static final int HEARTBEAT_SLOTS = 10;

    private final Vertx vertx;
    private final WsSettings settings;
    private final OriginPolicy origins;
    private final UpgradeAuthenticator authenticator;
    private final ConnectionListener listener;
    private final ConnectionRegistry registry;
    private final Clock clock;
    private volatile boolean accepting = true;
    private long heartbeatTick;

    public WsGateway(Vertx vertx, WsSettings settings, OriginPolicy origins, UpgradeAuthenticator authenticator,
                     ConnectionListener listener, ConnectionRegistry registry, Clock clock) {
        this.vertx = vertx;
        this.settings = settings;
        this.origins = origins;
        this.authenticator = authenticator;
        this.listener = listener;
        this.registry = registry;
        this.clock = clock;
    }

    /** Starts the heartbeat timer, one tick per slot of the interval; returns its id. */
    public long startHeartbeats() {
        long tick = Math.max(1, settings.heartbeatInterval().toMillis() / HEARTBEAT_SLOTS);
        return vertx.setPeriodic(tick, id -> heartbeat((int) (heartbeatTick++ % HEARTBEAT_SLOTS)));
    }

    /** Refuses new upgrades with 503 from now on (shutdown). */
    public void stopAccepting() {
        accepting = false;
    }

    /**
     * The credential is a bearer token or a ticket (exactly one); a browser that sends neither may use the
     * session cookie instead ({@link SessionCookie}), but only from an Origin allowed for cookies.
     */
    @Override
    public void handle(ServerWebSocketHandshake handshake) {
        if (!settings.path().equals(handshake.path())) {
            handshake.reject(404);
            return;
        }
        if (!accepting) {
            handshake.reject(503);
            return;
        }
        String host = handshake.headers().get(HttpHeaders.HOST);
        if (!origins.allows(handshake.headers().get(HttpHeaders.ORIGIN), host)) {
            handshake.reject(403);
            return;
        }
        String authorization = handshake.headers().get(HttpHeaders.AUTHORIZATION);
        String bearer = bearerToken(authorization);
        String ticket = queryParam(handshake.query(), "ticket");
        if (bearer == null && ticket == null && authorization == null) {
            String cookie = SessionCookie.token(handshake.headers().get(HttpHeaders.COOKIE));
            if (cookie != null && !origins.allowsCookie(handshake.headers().get(HttpHeaders.ORIGIN), host)) {
                handshake.reject(403);
                return;
            }
            bearer = cookie;
        }
        if ((bearer == null) == (ticket == null)) {
            handshake.reject(401);
            return;
        }
        authenticator.authenticate(bearer, ticket).onComplete(result -> {
            if (result.failed()) {
                handshake.reject(statusFor(result.cause()));
                return;
            }
            handshake.accept().onSuccess(socket -> open(socket, result.result()))
                    .onFailure(e -> LOG.debug("upgrade failed: {}", e.toString()));
        });
    }

    /**
     * Wires an accepted socket: registered for pushes first (held, see {@link WsConnection}), then handed
     * to the listener, whose {@code opened} prepares the greeting and releases the connection.
     */
    private void open(ServerWebSocket socket, dev.confab.server.accounts.AuthenticatedSession session) {
        dropUpgradeHeaders(socket);
        WsConnection connection = new WsConnection(socket, vertx.getOrCreateContext(), session,
                settings.outboundQueueFrames(), clock.millis());
        socket.textMessageHandler(text -> {
            connection.markInbound(clock.millis());
            listener.text(connection, text);
        });
        socket.binaryMessageHandler(bytes -> {
            connection.markInbound(clock.millis());
            listener.binary(connection);
        });
        socket.pongHandler(p -> connection.markInbound(clock.millis()));
        socket.exceptionHandler(e -> onSocketError(connection, e));
        socket.closeHandler(v -> {
            registry.remove(connection);
            listener.closed(connection);
        });
        registry.add(connection);
        listener.opened(connection);
    }

    /**
     * Vert.x keeps the upgrade request's headers for the socket's whole life, though nothing reads them once
     * the socket is accepted: about 1 KB per connection from the load generator, more from a browser (user
     * agent, cookies), and the bearer token among them. They are emptied here; should a Vert.x version make
     * them read-only, they are kept and only the memory is lost.
     */
    private static void dropUpgradeHeaders(ServerWebSocket socket) {
        try {
            socket.headers().clear();
        } catch (IllegalStateException | UnsupportedOperationException e) {
            LOG.debug("upgrade headers kept: {}", e.toString());
        }
    }

    /**
     * Vert.x reports an oversized frame (Netty's decoder) or an oversized multi-frame message (its own
     * aggregation) as an exception without closing properly; close with 1009 so the client knows why.
     */
    private static void onSocketError(WsConnection connection, Throwable e) {
        if (e instanceof CorruptedWebSocketFrameException corrupted) {
            connection.close(corrupted.closeStatus().code(), "frame rejected: " + corrupted.closeStatus().reasonText());
        } else if (e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("max message size")) {
            connection.close(CloseCodes.MESSAGE_TOO_BIG, "message too big");
        } else {
            LOG.debug("websocket error: {}", e.toString());
        }
    }

    /** Pings the connections of one slot, or closes those silent past the idle timeout. */
    private void heartbeat(int slot) {
        long now = clock.millis();
        long idleLimit = settings.idleTimeout().toMillis();
        registry.forEach(c -> {
            if (Math.floorMod(System.identityHashCode(c), HEARTBEAT_SLOTS) != slot) {
                return;
            }
            if (now - c.lastInboundMillis() > idleLimit) {
                c.close(CloseCodes.HEARTBEAT_TIMEOUT, "heartbeat timeout");
            } else {
                c.ping();
            }
        });
    }

    private static int statusFor(Throwable cause) {
        if (cause instanceof ConfabException e) {
            return e.code().httpStatus();
        }
        LOG.error("websocket authentication failed unexpectedly", cause);
        return 500;
    }

    private static String bearerToken(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    private static String queryParam(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                String value = java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
