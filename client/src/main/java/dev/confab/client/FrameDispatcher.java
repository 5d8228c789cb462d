package dev.confab.client;

import dev.confab.protocol.WireJson;
import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.SendAck;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Everything that flows over a connected socket: writes sends (within the send window, re-sending the
 * unacknowledged ones after each reconnect) and requests; routes answers by request id; hands pushed
 * messages, acknowledged own messages and pushed events to the {@link Inbox}, which orders them, catches
 * up after each (re)connect and each {@code resync}, and delivers them; and pings. Requests made while
 * disconnected wait for the next connection (within their timeout). Confined to the event thread.
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
    private final Inbox inbox;
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
        this.inbox = new Inbox(listener, options, this::ask);
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

    /** What is received in seq order: messages and events. */
    Inbox inbox() {
        return inbox;
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
        inbox.connected(hello);
    }

    @Override
    public void received(ServerFrame frame) {
        switch (frame) {
            case ServerFrame.Ack a -> {
                if (!requests.answer(a.id(), a)) {
                    acknowledged(a.ack());
                }
            }
            case ServerFrame.Message m -> inbox.message(m.message());
            case ServerFrame.Event e -> inbox.event(e.event());
            case ServerFrame.Presence p -> listener.onPresence(p.presence());
            case ServerFrame.Error e -> {
                if (!requests.answer(e.id(), e)) {
                    listener.onError(ConfabApiException.fromFrame(e.code(), e.message()));
                }
            }
            case ServerFrame.Messages m -> requests.answer(m.id(), m);
            case ServerFrame.Events e -> requests.answer(e.id(), e);
            case ServerFrame.Conversations c -> requests.answer(c.id(), c);
            case ServerFrame.PresenceResult p -> requests.answer(p.id(), p);
            case ServerFrame.Ok o -> requests.answer(o.id(), o);
            case ServerFrame.Pong p -> requests.answer(p.id(), p);
            case ServerFrame.Hello h -> { }
            case ServerFrame.GoAway g -> { }
            case ServerFrame.SessionReplaced r -> { }
            case ServerFrame.Resync r -> inbox.resync();
            case ServerFrame.Receipt r -> listener.onReceipt(r.receipt());
            case ServerFrame.Typing t -> listener.onTyping(t.conversationId(), t.userId(), t.expiresInMillis());
        }
    }

    @Override
    public void disconnected(ConfabConnectionException cause) {
        socket = null;
        cancelPings();
        inbox.disconnected();
        sends.connectionLost();
        requests.failAllExcept(unwritten.keySet(), cause);
    }

    @Override
    public void ended(RuntimeException cause) {
        endedBy = cause;
        socket = null;
        cancelPings();
        inbox.ended();
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
            inbox.message(new MessageView(ack.messageId(), ack.conversationId(), ack.seq(), hello.userId(),
                    ack.clientMessageId(), sent.contentType() == null ? DEFAULT_CONTENT_TYPE : sent.contentType(),
                    sent.body(), ack.sentAt()));
        }
        sends.acknowledge(ack);
        transmitSends();
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
