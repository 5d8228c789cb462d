package dev.confab.server.api.ws;

import dev.confab.protocol.CloseCodes;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.WireFormatException;
import dev.confab.protocol.WireJson;
import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.server.accounts.AccountService;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.api.BlockingCalls;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.errors.ThrottledWarning;
import dev.confab.server.events.EventService;
import dev.confab.server.presence.PresenceService;
import dev.confab.server.transport.ws.ConnectionListener;
import dev.confab.server.transport.ws.WsConnection;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket command edge. Requests of one connection are executed and answered strictly in
 * arrival order (so a client's messages get seqs in the order it sent them). Frames that cannot be
 * decoded, and requests refused because too many are waiting, are answered at once with an error frame
 * naming their request id (when it could be read); the connection stays open until the abuse limit
 * closes it with 1008.
 */
public final class WsApi implements ConnectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(WsApi.class);
    /** One per connection when the database is saturated (a connect burst): at most a line every 10 s. */
    private final ThrottledWarning announcementFailed =
            new ThrottledWarning(LOG, "presence announcement failed", java.time.Duration.ofSeconds(10));
    /** One per request while the database is saturated or away: at most a line every 10 s. */
    private final ThrottledWarning requestUnavailable =
            new ThrottledWarning(LOG, "websocket request", java.time.Duration.ofSeconds(10));

    private final WireJson json;
    private final WsRequests requests;
    private final PresenceService presence;
    private final EventService events;
    private final AccountService accounts;
    private final BlockingCalls blocking;
    private final WsLimits limits;
    private final Clock clock;
    private final int heartbeatSeconds;
    private final int maxMessageChars;
    private final ConcurrentHashMap<WsConnection, ConnectionState> states = new ConcurrentHashMap<>();
    private final dev.confab.server.presence.OfflineGrace offlineGrace;

    public WsApi(WireJson json, WsRequests requests, PresenceService presence, EventService events,
                 AccountService accounts, BlockingCalls blocking, WsLimits limits, Clock clock, int heartbeatSeconds,
                 int maxMessageChars, dev.confab.server.presence.OfflineGrace offlineGrace) {
        this.offlineGrace = offlineGrace;
        this.accounts = accounts;
        this.events = events;
        this.json = json;
        this.requests = requests;
        this.presence = presence;
        this.blocking = blocking;
        this.limits = limits;
        this.clock = clock;
        this.heartbeatSeconds = heartbeatSeconds;
        this.maxMessageChars = maxMessageChars;
    }

    @Override
    /**
     * Checks the session again and reads the caller's newest event seq, then greets with {@code hello}.
     * Presence counts the connection only once it is greeted, so a connection refused at this point
     * never shows its user online. Runs on the connection's context, like {@link #closed}.
     */
    public void opened(WsConnection connection) {
        ConnectionState state = new ConnectionState();
        states.put(connection, state);
        AuthenticatedSession who = connection.session();
        blocking.run(() -> {
            accounts.requireLive(who);
            return events.lastSeq(who);
        }).onComplete(last -> {
            if (last.failed() && last.cause() instanceof ConfabException e && e.code() == ErrorCode.AUTH_UNAUTHENTICATED) {
                connection.close(CloseCodes.SESSION_ENDED, "session ended");
                return;
            }
            if (last.failed()) {
                LOG.warn("could not greet a connection: {}", last.cause().toString());
                connection.close(CloseCodes.INTERNAL_ERROR, "try again later");
                return;
            }
            connection.release(json.encode(new ServerFrame.Hello(who.accountId().value(), who.sessionId().value(),
                    who.deviceId(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                    heartbeatSeconds, maxMessageChars, last.result())));
            if (states.get(connection) == state) {
                state.counted = true;
                if (presence.countConnection(who.accountId()) && !offlineGrace.cameBack(who.accountId())) {
                    announcePresence(who);
                }
            }
        });
    }

    @Override
    public void closed(WsConnection connection) {
        ConnectionState state = states.remove(connection);
        AuthenticatedSession who = connection.session();
        if (state != null && state.counted && presence.uncountConnection(who.accountId())) {
            java.time.Instant lastSeen = clock.instant();
            offlineGrace.wentOffline(who.accountId(), () -> announceOffline(who, lastSeen));
        }
    }

    private void announcePresence(AuthenticatedSession who) {
        announce(who, () -> presence.announce(who.accountId(), who.username()));
    }

    private void announceOffline(AuthenticatedSession who, java.time.Instant lastSeen) {
        announce(who, () -> presence.announce(who.accountId(), who.username(), lastSeen));
    }

    private void announce(AuthenticatedSession who, Runnable announcement) {
        blocking.run(() -> {
            announcement.run();
            return null;
        }).onFailure(e -> {
            if (e instanceof dev.confab.server.errors.ServerStoppingException) {
                LOG.debug("presence not announced: shutting down");
            } else {
                announcementFailed.warn(e);
            }
        });
    }

    @Override
    public void binary(WsConnection connection) {
        reject(connection, null, ErrorCode.REQUEST_INVALID, "Frames are JSON text; binary frames are not accepted.");
    }

    @Override
    public void text(WsConnection connection, String text) {
        ConnectionState state = states.get(connection);
        if (state == null) {
            return;
        }
        ClientFrame frame;
        try {
            frame = json.decodeClientFrame(text);
        } catch (WireFormatException e) {
            reject(connection, e.requestId(), e.code(), e.getMessage());
            return;
        }
        if (state.pending >= limits.maxPendingRequests()) {
            reject(connection, frame.id(), ErrorCode.RATE_LIMITED, "Too many requests waiting for an answer.");
            return;
        }
        state.pending++;
        state.tail = state.tail.transform(previous -> answer(connection, frame)).onComplete(done -> state.pending--);
    }

    private Future<Void> answer(WsConnection connection, ClientFrame frame) {
        return blocking.run(() -> requests.answer(connection.session(), frame, connection)).transform(result -> {
            if (result.succeeded()) {
                connection.send(json.encode(result.result()));
            } else {
                connection.send(json.encode(errorFrame(frame.id(), result.cause())));
            }
            return Future.succeededFuture();
        });
    }

    private ServerFrame.Error errorFrame(String requestId, Throwable cause) {
        if (cause instanceof dev.confab.server.errors.StoreUnavailableException e) {
            requestUnavailable.warn(e.detail());
        }
        if (cause instanceof ConfabException e) {
            return new ServerFrame.Error(requestId, e.code().code(), e.getMessage());
        }
        LOG.error("websocket request failed", cause);
        return new ServerFrame.Error(requestId, ErrorCode.INTERNAL.code(), ErrorCode.INTERNAL.defaultMessage());
    }

    private void reject(WsConnection connection, String requestId, ErrorCode code, String message) {
        connection.send(json.encode(new ServerFrame.Error(requestId, code.code(), message)));
        countViolation(connection);
    }

    private void countViolation(WsConnection connection) {
        ConnectionState state = states.get(connection);
        if (state != null && state.violation(clock.millis(), limits)) {
            connection.closeAfterQueued(CloseCodes.POLICY_VIOLATION, "too many bad frames");
        }
    }

    /** Per-connection bookkeeping; touched only on the connection's event loop. */
    private static final class ConnectionState {
        Future<Void> tail = Future.succeededFuture();
        int pending;
        int violations;
        boolean counted;
        long windowStart;

        /** Counts a bad frame; true when the connection has passed its allowance. */
        boolean violation(long now, WsLimits limits) {
            if (now - windowStart > limits.violationWindow().toMillis()) {
                windowStart = now;
                violations = 0;
            }
            return ++violations > limits.maxViolations();
        }
    }
}
