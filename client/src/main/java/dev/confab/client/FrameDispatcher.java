package dev.confab.client;

import dev.confab.protocol.WireJson;
import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.ConversationView;
import dev.confab.protocol.model.MessagePage;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.SendAck;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Everything that flows over a connected socket: writes sends (within the send window, re-sending the
 * unacknowledged ones after each reconnect) and requests; routes answers by request id; feeds pushed
 * messages and acknowledged own messages through {@link CatchUp} to the listener; pings; and after
 * each (re)connect asks for the conversation list and catches up every conversation that moved on.
 * Requests made while disconnected wait for the next connection (within their timeout). Confined to
 * the event thread.
 */
final class FrameDispatcher implements LinkObserver {
    private static final String DEFAULT_CONTENT_TYPE = "text/plain";
    private static final Duration SHORTEST_PING = Duration.ofMillis(100);

    private final WireJson json;
    private final ConnectionListener listener;
    private final ConnectionOptions options;
    private final EventThread thread;
    private final PendingSends sends;
    private final PendingRequests requests;
    private final CatchUp catchUp;
    private final Map<Long, Long> delivered = new ConcurrentHashMap<>();
    private final Map<String, ClientFrame> unwritten = new LinkedHashMap<>();

    private LiveSocket socket;
    private ServerFrame.Hello hello;
    private Future<?> pings;
    private RuntimeException endedBy;

    FrameDispatcher(WireJson json, ConnectionListener listener, ConnectionOptions options, EventThread thread) {
        this.json = json;
        this.listener = listener;
        this.options = options;
        this.thread = thread;
        this.sends = new PendingSends(options.sendWindow());
        this.requests = new PendingRequests(thread);
        this.catchUp = new CatchUp(new SeqTracker(), this::syncPage, this::deliver, listener::onError,
                options.syncPageSize(), options.maxConcurrentSyncs());
    }

    /** Queues a send (its {@code id} is ignored; each transmission gets its own request id). */
    CompletableFuture<SendAck> send(ClientFrame.Send frame) {
        if (endedBy != null) {
            return CompletableFuture.failedFuture(endedBy);
        }
        CompletableFuture<SendAck> result = sends.add(frame);
        transmitSends();
        return result;
    }

    /** Sends the request {@code build} makes for a fresh request id; completes with its answer. */
    CompletableFuture<ServerFrame> ask(Function<String, ClientFrame> build) {
        if (endedBy != null) {
            return CompletableFuture.failedFuture(endedBy);
        }
        String id = requests.nextId();
        ClientFrame frame = build.apply(id);
        CompletableFuture<ServerFrame> answer = requests.register(id, options.requestTimeout());
        if (socket != null) {
            socket.send(json.encode(frame));
        } else {
            unwritten.keySet().removeIf(waiting -> !requests.isPending(waiting));
            unwritten.put(id, frame);
        }
        return answer;
    }

    /** See {@link CatchUp#advanceTo}. */
    void knownSeq(long conversationId, long seq) {
        catchUp.advanceTo(conversationId, seq);
        delivered.merge(conversationId, seq, Math::max);
    }

    /** The highest seq known to the application in the conversation. Safe to call from any thread. */
    long deliveredSeq(long conversationId) {
        return delivered.getOrDefault(conversationId, 0L);
    }

    @Override
    public void connected(ServerFrame.Hello hello, LiveSocket socket) {
        this.hello = hello;
        this.socket = socket;
        transmitSends();
        unwritten.forEach((id, frame) -> {
            if (requests.isPending(id)) {
                socket.send(json.encode(frame));
            }
        });
        unwritten.clear();
        startPings(hello);
        catchUpAll();
    }

    @Override
    public void received(ServerFrame frame) {
        switch (frame) {
            case ServerFrame.Ack a -> {
                if (!requests.answer(a.id(), a)) {
                    acknowledged(a.ack());
                }
            }
            case ServerFrame.Message m -> catchUp.accept(m.message());
            case ServerFrame.Presence p -> listener.onPresence(p.presence());
            case ServerFrame.Error e -> {
                if (!requests.answer(e.id(), e)) {
                    listener.onError(ConfabApiException.fromFrame(e.code(), e.message()));
                }
            }
            case ServerFrame.Messages m -> requests.answer(m.id(), m);
            case ServerFrame.Conversations c -> requests.answer(c.id(), c);
            case ServerFrame.PresenceResult p -> requests.answer(p.id(), p);
            case ServerFrame.Ok o -> requests.answer(o.id(), o);
            case ServerFrame.Pong p -> requests.answer(p.id(), p);
            case ServerFrame.Hello h -> { }
            case ServerFrame.GoAway g -> { }
        }
    }

    @Override
    public void disconnected(ConfabConnectionException cause) {
        socket = null;
        cancelPings();
        catchUp.reset();
        sends.connectionLost();
        requests.failAllExcept(unwritten.keySet(), cause);
    }

    @Override
    public void ended(RuntimeException cause) {
        endedBy = cause;
        socket = null;
        cancelPings();
        catchUp.reset();
        unwritten.clear();
        sends.failAll(cause);
        requests.failAll(cause);
    }

    private void transmitSends() {
        if (socket == null) {
            return;
        }
        for (ClientFrame.Send send : sends.takeTransmittable()) {
            String id = requests.nextId();
            requests.register(id, null).whenComplete((answer, error) -> sendAnswered(send, answer, error));
            socket.send(json.encode(new ClientFrame.Send(id, send.clientMessageId(), send.conversationId(),
                    send.to(), send.contentType(), send.body())));
        }
    }

    private void sendAnswered(ClientFrame.Send send, ServerFrame answer, Throwable error) {
        if (answer instanceof ServerFrame.Ack ack) {
            acknowledged(ack.ack());
        } else if (error instanceof ConfabApiException) {
            sends.fail(send.clientMessageId(), error);
            transmitSends();
        }
    }

    private void acknowledged(SendAck ack) {
        ClientFrame.Send sent = sends.find(ack.clientMessageId());
        if (sent == null) {
            return;
        }
        if (hello != null) {
            catchUp.accept(new MessageView(ack.messageId(), ack.conversationId(), ack.seq(), hello.userId(),
                    ack.clientMessageId(), sent.contentType() == null ? DEFAULT_CONTENT_TYPE : sent.contentType(),
                    sent.body(), ack.sentAt()));
        }
        sends.acknowledge(ack);
        transmitSends();
    }

    private void deliver(MessageView message) {
        delivered.merge(message.conversationId(), message.seq(), Math::max);
        listener.onMessage(message);
    }

    private CompletableFuture<MessagePage> syncPage(long conversationId, long afterSeq, int limit) {
        return answerAs(ask(id -> new ClientFrame.Sync(id, conversationId, afterSeq, limit)),
                ServerFrame.Messages.class, ServerFrame.Messages::page);
    }

    /** Walks every page of the conversation list and catches up each conversation that moved on. */
    private void catchUpAll() {
        catchUpFrom(null);
    }

    private void catchUpFrom(String before) {
        answerAs(ask(id -> new ClientFrame.Conversations(id, before, null)), ServerFrame.Conversations.class,
                page -> page).whenComplete((page, error) -> {
                    if (error != null) {
                        if (endedBy == null && !(error instanceof ConfabConnectionException)) {
                            listener.onError(error);
                        }
                        return;
                    }
                    for (ConversationView conversation : page.conversations()) {
                        catchUp.catchUpTo(conversation.id(), conversation.lastSeq());
                    }
                    if (page.hasMore()) {
                        catchUpFrom(page.cursor());
                    }
                });
    }

    private void startPings(ServerFrame.Hello hello) {
        Duration interval = options.pingInterval();
        if (hello.heartbeatSeconds() > 0) {
            Duration third = Duration.ofSeconds(hello.heartbeatSeconds()).dividedBy(3);
            if (third.compareTo(interval) < 0) {
                interval = third.compareTo(SHORTEST_PING) < 0 ? SHORTEST_PING : third;
            }
        }
        cancelPings();
        LiveSocket pinged = socket;
        pings = thread.every(interval, () -> ping(pinged));
    }

    private void ping(LiveSocket pinged) {
        if (socket != pinged) {
            return;
        }
        ask(ClientFrame.Ping::new).whenComplete((answer, error) -> {
            if (error instanceof TimeoutException && socket == pinged) {
                pinged.drop("No pong within " + options.requestTimeout() + ".");
            }
        });
    }

    private void cancelPings() {
        if (pings != null) {
            pings.cancel(false);
            pings = null;
        }
    }

    /**
     * The value of an answer of the expected frame type. The result fails with the request's own
     * failure (not wrapped), or with {@link ConfabApiException} when the server answered with another type.
     */
    static <F extends ServerFrame, T> CompletableFuture<T> answerAs(CompletableFuture<ServerFrame> answer,
                                                                  Class<F> type, Function<F, T> value) {
        CompletableFuture<T> result = new CompletableFuture<>();
        answer.whenComplete((frame, error) -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
            } else if (!type.isInstance(frame)) {
                result.completeExceptionally(new ConfabApiException(0, null, "Expected a '"
                        + type.getSimpleName() + "' answer, got '" + frame.getClass().getSimpleName() + "'."));
            } else {
                result.complete(value.apply(type.cast(frame)));
            }
        });
        return result;
    }

    /** The failure itself, without the {@link CompletionException} wrapper that dependent stages add. */
    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
