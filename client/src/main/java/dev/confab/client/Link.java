package dev.confab.client;

import dev.confab.protocol.CloseCodes;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.WireFormatException;
import dev.confab.protocol.WireJson;
import dev.confab.protocol.frames.ServerFrame;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one WebSocket to the server alive: asks where to dial (the node a cluster assigns, or the one
 * base address), dials with the bearer token, waits for {@code hello}, and when the socket goes away
 * decides by close code whether to reconnect (after the backoff, or after the delay a {@code goaway}
 * asked for), to end the session, or to stop. A {@code session.replaced} frame or close code 4003 ends
 * the session too. Owns the connection state the application sees. Every attempt gets a new generation
 * number; events of older attempts and sockets are ignored. Confined to the event thread.
 */
final class Link {
    private static final Logger LOG = LoggerFactory.getLogger(Link.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final Supplier<CompletableFuture<URI>> destination;
    private final String token;
    private final ConnectionOptions options;
    private final HttpClient http;
    private final EventThread thread;
    private final ConnectionListener listener;
    private final LinkObserver observer;
    private final Backoff backoff;
    private final WireJson json;
    private final CompletableFuture<ServerFrame.Hello> firstHello = new CompletableFuture<>();

    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile ServerFrame.Hello hello;
    private volatile URI connectedTo;
    private URI dialling;
    private boolean started;
    private long generation;
    private LiveSocket socket;
    private boolean ready;
    private Future<?> helloDeadline;
    private Future<?> redial;
    private Duration goAwayDelay;

    /**
     * @param destination gives, for each attempt, the WebSocket URI to dial; its result may complete on
     *                    any thread, and a failed result counts as a failed attempt
     */
    Link(Supplier<CompletableFuture<URI>> destination, String token, ConnectionOptions options, HttpClient http,
         EventThread thread, ConnectionListener listener, LinkObserver observer, Backoff backoff, WireJson json) {
        this.destination = destination;
        this.token = token;
        this.options = options;
        this.http = http;
        this.thread = thread;
        this.listener = listener;
        this.observer = observer;
        this.backoff = backoff;
        this.json = json;
    }

    ConnectionState state() {
        return state;
    }

    /** The latest {@code hello}, or null before the first. */
    ServerFrame.Hello hello() {
        return hello;
    }

    /** The WebSocket URI of the connected socket; null unless {@link ConnectionState#CONNECTED}. */
    URI connectedTo() {
        return connectedTo;
    }

    /** Completes with the first {@code hello}; fails if the link closes before. */
    CompletableFuture<ServerFrame.Hello> firstHello() {
        return firstHello;
    }

    /** Dials, unless already started or closed. */
    void start() {
        if (started || state == ConnectionState.CLOSED) {
            return;
        }
        started = true;
        dial();
    }

    /** Closes for good, on the application's request. */
    void close() {
        terminate(new ConfabConnectionException("The connection was closed."));
    }

    private void dial() {
        if (state == ConnectionState.CLOSED) {
            return;
        }
        long attempt = ++generation;
        setState(ConnectionState.CONNECTING);
        CompletableFuture<URI> target;
        try {
            target = destination.get();
        } catch (RuntimeException e) {
            target = CompletableFuture.failedFuture(e);
        }
        target.whenComplete((uri, error) -> thread.post(() -> {
            if (error != null) {
                upgradeFailed(attempt, error);
            } else {
                open(attempt, uri);
            }
        }));
    }

    private void open(long dialled, URI uri) {
        if (dialled != generation || state == ConnectionState.CLOSED) {
            return;
        }
        dialling = uri;
        SocketEvents events = new SocketEvents(thread, new SocketHandler(dialled));
        try {
            http.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .connectTimeout(options.connectTimeout())
                    .buildAsync(uri, events)
                    .whenComplete((ws, error) -> {
                        if (error != null) {
                            thread.post(() -> upgradeFailed(dialled, error));
                        }
                    });
        } catch (IllegalArgumentException e) {
            terminate(new ConfabConnectionException("Cannot open a WebSocket to " + uri + ".", e));
            return;
        }
        helloDeadline = thread.schedule(() -> helloOverdue(dialled), options.connectTimeout());
    }

    private void opened(long dialled, WebSocket ws) {
        if (dialled != generation || state == ConnectionState.CLOSED) {
            ws.abort();
            return;
        }
        socket = new LiveSocket(ws, error -> thread.post(() -> failed(dialled, error)));
    }

    private void text(long dialled, String text) {
        if (dialled != generation || state == ConnectionState.CLOSED) {
            return;
        }
        ServerFrame frame;
        try {
            frame = json.decodeServerFrame(text);
        } catch (WireFormatException e) {
            listener.onError(new ConfabApiException(0, null, "A frame from the server could not be read: "
                    + e.getMessage()));
            return;
        }
        switch (frame) {
            case ServerFrame.Hello h -> helloReceived(h);
            case ServerFrame.SessionReplaced r -> sessionReplaced(r.byDeviceName());
            case ServerFrame.GoAway g -> goAwayDelay = Duration.ofMillis(Math.max(0, g.reconnectAfterMillis()));
            default -> {
                if (ready) {
                    observer.received(frame);
                }
            }
        }
    }

    private void helloReceived(ServerFrame.Hello h) {
        if (ready || socket == null) {
            return;
        }
        cancel(helloDeadline);
        hello = h;
        connectedTo = dialling;
        ready = true;
        goAwayDelay = null;
        backoff.reset();
        setState(ConnectionState.CONNECTED);
        firstHello.complete(h);
        observer.connected(h, socket);
    }

    private void helloOverdue(long dialled) {
        if (dialled == generation && !ready && state == ConnectionState.CONNECTING) {
            lost(-1, "No hello from the server within " + options.connectTimeout() + ".", null);
        }
    }

    private void closed(long dialled, int code, String reason) {
        if (dialled == generation && state != ConnectionState.CLOSED) {
            lost(code, reason, null);
        }
    }

    private void failed(long dialled, Throwable error) {
        if (dialled == generation && state != ConnectionState.CLOSED) {
            lost(-1, String.valueOf(error.getMessage()), error);
        }
    }

    private void upgradeFailed(long dialled, Throwable error) {
        if (dialled != generation || state == ConnectionState.CLOSED) {
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof WebSocketHandshakeException refused) {
            int status = refused.getResponse().statusCode();
            switch (AfterClose.forRefusedUpgrade(status)) {
                case END_SESSION, SESSION_REPLACED -> {
                    endSession();
                    return;
                }
                case STOP -> {
                    ConfabApiException refusal = new ConfabApiException(status, null,
                            "The server refused the WebSocket upgrade with HTTP " + status + ".");
                    listener.onError(refusal);
                    terminate(refusal);
                    return;
                }
                case RECONNECT -> LOG.debug("upgrade refused with HTTP {}; will retry", status);
            }
        }
        lost(-1, "Cannot connect: " + cause, cause);
    }

    private void lost(int code, String reason, Throwable error) {
        LiveSocket gone = socket;
        boolean wasReady = ready;
        socket = null;
        ready = false;
        connectedTo = null;
        generation++;
        cancel(helloDeadline);
        if (gone != null && code < 0) {
            gone.abort();
        }
        LOG.debug("connection lost (code {}): {}", code, reason);
        ConfabConnectionException cause = new ConfabConnectionException(
                "The connection was lost" + (code < 0 ? "" : " (close code " + code + ")") + ": " + reason, error);
        if (wasReady) {
            observer.disconnected(cause);
        }
        switch (AfterClose.forCloseCode(code)) {
            case END_SESSION -> endSession();
            case SESSION_REPLACED -> sessionReplaced(null);
            case STOP -> {
                listener.onError(cause);
                terminate(cause);
            }
            case RECONNECT -> {
                if (code == CloseCodes.MESSAGE_TOO_BIG) {
                    listener.onError(cause);
                }
                setState(ConnectionState.DISCONNECTED);
                scheduleRedial();
            }
        }
    }

    private void scheduleRedial() {
        Duration delay = backoff.nextDelay();
        if (goAwayDelay != null) {
            delay = goAwayDelay.plus(delay);
            goAwayDelay = null;
        }
        redial = thread.schedule(this::dial, delay);
    }

    private void endSession() {
        listener.onSessionEnded();
        terminate(new ConfabApiException(ErrorCode.AUTH_UNAUTHENTICATED.httpStatus(),
                ErrorCode.AUTH_UNAUTHENTICATED.code(), "The session ended; log in again."));
    }

    /** Another sign-in took over the account's one session; {@code byDeviceName} may be null. */
    private void sessionReplaced(String byDeviceName) {
        listener.onSessionReplaced(byDeviceName);
        listener.onSessionEnded();
        terminate(new ConfabApiException(ErrorCode.AUTH_UNAUTHENTICATED.httpStatus(),
                ErrorCode.AUTH_UNAUTHENTICATED.code(), "The session was replaced by a sign-in "
                + (byDeviceName == null ? "elsewhere" : "on " + byDeviceName) + "; log in again."));
    }

    private void terminate(RuntimeException cause) {
        if (state == ConnectionState.CLOSED) {
            return;
        }
        state = ConnectionState.CLOSED;
        generation++;
        ready = false;
        connectedTo = null;
        cancel(helloDeadline);
        cancel(redial);
        LiveSocket last = socket;
        socket = null;
        observer.ended(cause);
        firstHello.completeExceptionally(cause);
        listener.onConnectionState(ConnectionState.CLOSED);
        thread.shutdown();
        release(last);
    }

    /** Says goodbye on the last socket, gives the server a moment to answer, then lets go of everything. */
    private void release(LiveSocket last) {
        if (last == null) {
            http.shutdown();
            return;
        }
        last.close(CloseCodes.NORMAL, "closed by client")
                .orTimeout(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, error) -> CompletableFuture
                        .delayedExecutor(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> {
                            last.abort();
                            http.shutdown();
                        }));
    }

    private void setState(ConnectionState next) {
        if (state != next) {
            state = next;
            listener.onConnectionState(next);
        }
    }

    private static void cancel(Future<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** Routes one socket's events, tagged with its generation. */
    private final class SocketHandler implements SocketEvents.Handler {
        private final long dialled;

        SocketHandler(long dialled) {
            this.dialled = dialled;
        }

        @Override
        public void opened(WebSocket ws) {
            Link.this.opened(dialled, ws);
        }

        @Override
        public void text(String frame) {
            Link.this.text(dialled, frame);
        }

        @Override
        public void closed(int code, String reason) {
            Link.this.closed(dialled, code, reason);
        }

        @Override
        public void failed(Throwable error) {
            Link.this.failed(dialled, error);
        }
    }
}
