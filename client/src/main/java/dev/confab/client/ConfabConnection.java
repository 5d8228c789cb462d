package dev.confab.client;

import dev.confab.protocol.WireJson;
import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.ConversationView;
import dev.confab.protocol.model.EventPage;
import dev.confab.protocol.model.MessagePage;
import dev.confab.protocol.model.PresenceView;
import dev.confab.protocol.model.SendAck;
import dev.confab.protocol.request.SendRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A live WebSocket session with a Confab server, kept alive across network trouble.
 *
 * <h2>Connecting</h2>
 * {@link #connect()} dials {@code ws(s)://<base>/api/v1/ws} with the bearer token and completes on the
 * server's {@code hello}. When the socket drops (network, heartbeat timeout, server restart, slow
 * consumer) the connection dials again after a jittered exponential backoff (or the delay a
 * {@code goaway} asked for). It stops for good, in state {@link ConnectionState#CLOSED}, after
 * {@link #close()}, after the server ends the session (close code 4001 or a 401 on the upgrade, reported
 * through {@link ConnectionListener#onSessionEnded()}), after another sign-in replaces the session
 * (a {@code session.replaced} frame or close code 4003, reported through
 * {@link ConnectionListener#onSessionReplaced} and then {@code onSessionEnded}), or when the server
 * refuses the client outright (close code 1008, or a 4xx on the upgrade, reported through
 * {@link ConnectionListener#onError}). While connected it sends an application {@code ping} every
 * interval; a ping without pong counts as a dead socket.
 *
 * <h2>Clusters</h2>
 * With {@link ConnectionOptions#nodeAssignment()} (the default), every attempt, the first and each
 * reconnect, starts with {@code GET /api/v1/cluster/assign}: asked of the base URI, and when that does
 * not answer (refused, timed out, an error status) of the {@link ConnectionOptions#seeds() seeds} and
 * then of every node an earlier answer named, in turn. When the answer lists more than one live node the
 * WebSocket goes to the assigned node's {@code webSocketUrl} (the token is valid on every node); when it
 * lists one, to the server that answered; when nobody answers, to the base URI. Nodes once named are
 * remembered, so the connection finds the cluster even after the base URI's node is gone.
 * {@link #connectedTo()} tells where the live socket is. The backoff between attempts is unchanged.
 *
 * <h2>Sending</h2>
 * Every send has a client message id (a fresh UUID unless the caller supplies one) that it keeps until
 * acknowledged. Sends made while disconnected are queued. After each reconnect every send without an
 * ack is transmitted again, in the original order and with the same client message id; the server
 * stores it once and answers with the original ack. A send fails only when the server answers it with
 * an {@code error} frame ({@link ConfabApiException}; it is not retried) or when the connection closes
 * for good; it does not time out.
 *
 * <h2>Receiving</h2>
 * Messages reach {@link ConnectionListener#onMessage} in {@code seq} order per conversation, each
 * {@code (conversationId, seq)} at most once, whether they came live, from a catch-up sync, or from the
 * ack of this connection's own send. A message that skips ahead is held while the missing range is
 * synced. After every (re)connect the conversation list is fetched and each conversation whose last seq
 * is beyond what was delivered is synced. A conversation starts at the position given to
 * {@link #knownSeq}, or at 0 (the whole conversation is delivered).
 *
 * <p>The account's event log (friend requests, friendships, blocks, profiles) gets the same guarantees:
 * events reach {@link ConnectionListener#onEvent} in {@code seq} order, each {@code seq} at most once;
 * an event that skips ahead is held while the missing range is fetched with {@code events} requests;
 * after every (re)connect, when the {@code hello}'s {@code lastEventSeq} is beyond what was delivered,
 * the log is synced from there. It starts at the position given to {@link #knownEventSeq}, or at 0 (the
 * whole log is delivered).
 *
 * <p>A {@code resync} frame (the server may have failed to push something to this connection) runs the
 * same catch-up as a reconnect, on the open socket: the conversation list is walked and every
 * conversation, and the event log, is synced past what was delivered. Delivery stays at most once.
 *
 * <h2>Threads</h2>
 * All methods are thread-safe and never block, except {@link #close()}. State lives on one event thread
 * per connection, which also runs every listener callback and completes every returned future; so
 * listener callbacks and dependent stages of those futures must not block, and must not wait for other
 * futures of the same connection.
 */
public final class ConfabConnection implements AutoCloseable {
    private final EventThread thread;
    private final FrameDispatcher dispatcher;
    private final Link link;

    /** A connection with {@link ConnectionOptions#defaults()}; nothing happens until {@link #connect()}. */
    public ConfabConnection(URI baseUri, String token, ConnectionListener listener) {
        this(baseUri, token, listener, ConnectionOptions.defaults());
    }

    /**
     * A connection; nothing happens until {@link #connect()}.
     *
     * @param baseUri  the server's base URI, {@code http(s)://host:port}
     * @param token    the session's bearer token
     * @param listener receives messages, events, presence and state changes
     */
    public ConfabConnection(URI baseUri, String token, ConnectionListener listener, ConnectionOptions options) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(options, "options");
        ServerAddress address = new ServerAddress(baseUri);
        WireJson json = new WireJson();
        GuardedListener guarded = new GuardedListener(listener);
        this.thread = new EventThread("confab-connection " + address.webSocket().getAuthority());
        this.dispatcher = new FrameDispatcher(json, guarded, options, thread);
        HttpClient http = HttpClient.newBuilder().connectTimeout(options.connectTimeout()).build();
        Supplier<CompletableFuture<URI>> destination = () -> CompletableFuture.completedFuture(address.webSocket());
        if (options.nodeAssignment()) {
            destination = new NodeLocator(address, new NodeRoster(address, options.seeds()), http,
                    options.connectTimeout())::locate;
        }
        this.link = new Link(destination, token, options, http, thread, guarded, dispatcher,
                new Backoff(options.backoff(), () -> ThreadLocalRandom.current().nextDouble()), json);
    }

    /**
     * Starts connecting (once; later calls return the same outcome). Completes with the first
     * {@code hello}; fails with {@link ConfabApiException} if the session has ended or the server refuses
     * the upgrade, or with {@link ConfabConnectionException} if the connection is closed first. Failed
     * attempts before that are retried, so it stays incomplete while the server is unreachable; bound
     * the wait with {@link CompletableFuture#orTimeout}. On a closed connection it fails with
     * {@link ConfabConnectionException}, or with what ended the session.
     */
    public CompletableFuture<ServerFrame.Hello> connect() {
        if (!thread.post(link::start) || link.state() == ConnectionState.CLOSED) {
            CompletableFuture<ServerFrame.Hello> first = link.firstHello();
            return first.isCompletedExceptionally() ? first.copy()
                    : CompletableFuture.failedFuture(new ConfabConnectionException("The connection is closed."));
        }
        return link.firstHello().copy();
    }

    /** The current state. */
    public ConnectionState state() {
        return link.state();
    }

    /**
     * The WebSocket URI of the node the connection is on ({@code ws(s)://host:port/api/v1/ws}: the base
     * URI's own, or the one a cluster assigned); empty unless {@link ConnectionState#CONNECTED}.
     */
    public Optional<URI> connectedTo() {
        return Optional.ofNullable(link.connectedTo());
    }

    /** The server's latest {@code hello} (who we are, limits, heartbeat), empty before the first. */
    public Optional<ServerFrame.Hello> hello() {
        return Optional.ofNullable(link.hello());
    }

    /** Sends a {@code text/plain} message to a conversation. */
    public CompletableFuture<SendAck> send(long conversationId, String body) {
        return send(conversationId, null, body);
    }

    /** Sends a message of {@code contentType} (null for {@code text/plain}) to a conversation. */
    public CompletableFuture<SendAck> send(long conversationId, String contentType, String body) {
        return send(new SendRequest(null, conversationId, null, contentType, body));
    }

    /** Sends a {@code text/plain} message to a user; the direct conversation is created on first use. */
    public CompletableFuture<SendAck> sendTo(String username, String body) {
        return sendTo(username, null, body);
    }

    /** Sends a message of {@code contentType} (null for {@code text/plain}) to a user. */
    public CompletableFuture<SendAck> sendTo(String username, String contentType, String body) {
        Objects.requireNonNull(username, "username");
        return send(new SendRequest(null, null, username, contentType, body));
    }

    /**
     * Sends a message as described; exactly one of {@code conversationId} and {@code to} must be set.
     * A null {@code clientMessageId} gets a fresh UUID; a given one lets the application repeat a send
     * safely (for example one that failed with {@code rate_limited}): the server stores it once.
     *
     * @return completes with the ack once the server has committed the message
     */
    public CompletableFuture<SendAck> send(SendRequest request) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(request.body(), "body");
        if ((request.conversationId() == null) == (request.to() == null)) {
            throw new IllegalArgumentException("Exactly one of conversationId and to must be set.");
        }
        String clientMessageId = request.clientMessageId() != null ? request.clientMessageId()
                : UUID.randomUUID().toString();
        ClientFrame.Send frame = new ClientFrame.Send(null, clientMessageId, request.conversationId(), request.to(),
                request.contentType(), request.body());
        return onThread(() -> dispatcher.send(frame));
    }

    /** Messages with seq greater than {@code afterSeq}, ascending, at most {@code limit}. Not delivered to the listener. */
    public CompletableFuture<MessagePage> sync(long conversationId, long afterSeq, int limit) {
        return request(id -> new ClientFrame.Sync(id, conversationId, afterSeq, limit),
                ServerFrame.Messages.class, ServerFrame.Messages::page);
    }

    /** Messages with seq less than {@code beforeSeq}, ascending, at most {@code limit}. Not delivered to the listener. */
    public CompletableFuture<MessagePage> history(long conversationId, long beforeSeq, int limit) {
        return request(id -> new ClientFrame.History(id, conversationId, beforeSeq, limit),
                ServerFrame.Messages.class, ServerFrame.Messages::page);
    }

    /** The newest messages, ascending, at most {@code limit}. Not delivered to the listener. */
    public CompletableFuture<MessagePage> latest(long conversationId, int limit) {
        return request(id -> new ClientFrame.History(id, conversationId, null, limit),
                ServerFrame.Messages.class, ServerFrame.Messages::page);
    }

    /** The first page of the caller's conversations, most recently active first (see {@link #conversationPage}). */
    public CompletableFuture<List<ConversationView>> conversations() {
        return request(ClientFrame.Conversations::new, ServerFrame.Conversations.class,
                ServerFrame.Conversations::conversations);
    }

    /**
     * One page of the caller's conversations: {@code before} is the previous page's cursor (null for the
     * first page), {@code limit} the page size (null for the server's default). The answer says whether
     * more follow and gives the cursor for the next page.
     */
    public CompletableFuture<ServerFrame.Conversations> conversationPage(String before, Integer limit) {
        return request(id -> new ClientFrame.Conversations(id, before, limit), ServerFrame.Conversations.class,
                page -> page);
    }

    /** Marks the conversation read up to and including {@code seq}. */
    public CompletableFuture<Void> markRead(long conversationId, long seq) {
        return request(id -> new ClientFrame.Read(id, conversationId, seq), ServerFrame.Ok.class, ok -> null);
    }

    /** Tells the other members this client has the conversation up to {@code seq} (a delivery receipt). */
    public CompletableFuture<Void> markDelivered(long conversationId, long seq) {
        return request(id -> new ClientFrame.Received(id, conversationId, seq), ServerFrame.Ok.class, ok -> null);
    }

    /** Shows the other members that the caller is typing; call again while typing goes on. */
    public CompletableFuture<Void> typing(long conversationId) {
        return request(id -> new ClientFrame.Typing(id, conversationId), ServerFrame.Ok.class, ok -> null);
    }

    /** Presence of the given users, in the order asked; unknown users are left out. */
    public CompletableFuture<List<PresenceView>> presence(Collection<Long> userIds) {
        List<Long> ids = List.copyOf(userIds);
        return request(id -> new ClientFrame.PresenceQuery(id, ids), ServerFrame.PresenceResult.class,
                ServerFrame.PresenceResult::presence);
    }

    /**
     * Events of the account with seq greater than {@code afterSeq}, ascending, at most {@code limit};
     * when the page says {@code hasMore}, ask again after its {@code cursor}. Not delivered to the listener.
     */
    public CompletableFuture<EventPage> events(long afterSeq, int limit) {
        return request(id -> new ClientFrame.Events(id, afterSeq, limit), ServerFrame.Events.class,
                ServerFrame.Events::page);
    }

    /** A round trip to the server; completes with the server's time. */
    public CompletableFuture<Instant> ping() {
        return request(ClientFrame.Ping::new, ServerFrame.Pong.class, ServerFrame.Pong::serverTime);
    }

    /**
     * Declares that the application already has every message of the conversation up to {@code seq}
     * (from a local cache), so delivery continues after it. Call before {@link #connect()} to avoid
     * fetching what is already known. Lowering a position has no effect.
     */
    public void knownSeq(long conversationId, long seq) {
        thread.post(() -> dispatcher.inbox().knownSeq(conversationId, seq));
    }

    /** The highest seq delivered to the listener (or declared known) in the conversation; 0 when none. */
    public long deliveredSeq(long conversationId) {
        return dispatcher.inbox().deliveredSeq(conversationId);
    }

    /**
     * Declares that the application already has every event of the account up to {@code seq} (it
     * stored {@link #deliveredEventSeq()} last time), so delivery continues after it. Call before
     * {@link #connect()} to avoid fetching what is already known. Lowering the position has no effect.
     */
    public void knownEventSeq(long seq) {
        thread.post(() -> dispatcher.inbox().knownEventSeq(seq));
    }

    /** The highest event seq delivered to the listener (or declared known); 0 when none. */
    public long deliveredEventSeq() {
        return dispatcher.inbox().deliveredEventSeq();
    }

    /**
     * Closes for good: stops reconnecting, fails pending sends and requests with
     * {@link ConfabConnectionException}, says goodbye to the server, and moves to
     * {@link ConnectionState#CLOSED}. When called from outside the event thread, returns after the
     * listener has seen {@code CLOSED}; no callback follows. Calling it again does nothing.
     */
    @Override
    public void close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!thread.post(() -> {
            try {
                link.close();
            } finally {
                done.complete(null);
            }
        })) {
            return;
        }
        if (!thread.isCurrent()) {
            done.join();
        }
    }

    private <F extends ServerFrame, T> CompletableFuture<T> request(Function<String, ClientFrame> build,
                                                                 Class<F> type, Function<F, T> value) {
        return onThread(() -> FrameDispatcher.answerAs(dispatcher.ask(build), type, value));
    }

    private <T> CompletableFuture<T> onThread(Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        boolean posted = thread.post(() -> call.get().whenComplete((value, error) -> {
            if (error != null) {
                result.completeExceptionally(FrameDispatcher.unwrap(error));
            } else {
                result.complete(value);
            }
        }));
        if (!posted) {
            result.completeExceptionally(new ConfabConnectionException("The connection is closed."));
        }
        return result;
    }
}
