package dev.confab.client;

import dev.confab.protocol.frames.ClientFrame;
import dev.confab.protocol.frames.ServerFrame;
import dev.confab.protocol.model.EventView;
import dev.confab.protocol.model.MessageView;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Everything the server numbers by seq, handed to the listener in order and at most once: messages,
 * per conversation, and the account's event log. Each goes through its own {@link CatchUp}, which
 * holds what arrives ahead of a gap and syncs the missing range ({@code sync} for a conversation,
 * {@code events} for the event log). After each (re)connect it walks the conversation list and syncs
 * every conversation whose last seq is beyond what was delivered, and syncs the event log when the
 * {@code hello}'s {@code lastEventSeq} is. After a {@code resync} it does the same on the open socket,
 * syncing the event log past what was delivered in any case (there is no {@code hello} to compare
 * with); a stream whose sync is already running is synced once more after it. Confined to the event
 * thread, except the {@code delivered...} readers.
 */
final class Inbox {

    /** Sends the request {@code build} makes for a fresh request id; completes with its answer. */
    @FunctionalInterface
    interface Requests {
        CompletableFuture<ServerFrame> ask(Function<String, ClientFrame> build);
    }

    private final Requests requests;
    private final CatchUp<MessageView> messages;
    private final CatchUp<EventView> events;
    private final ConversationScan conversations;

    Inbox(ConnectionListener listener, ConnectionOptions options, Requests requests) {
        this.requests = requests;
        this.messages = new CatchUp<>(new SeqTracker<>(StreamKind.MESSAGES), this::messagePage, listener::onMessage,
                listener::onError, options.syncPageSize(), options.maxConcurrentSyncs());
        this.events = new CatchUp<>(new SeqTracker<>(StreamKind.EVENTS), this::eventPage, listener::onEvent,
                listener::onError, options.syncPageSize(), 1);
        this.conversations = new ConversationScan(requests,
                conversation -> messages.catchUpTo(conversation.id(), conversation.lastSeq()), listener::onError);
    }

    /** A message from a live push or from the ack of our own send. */
    void message(MessageView message) {
        messages.accept(message);
    }

    /** An event from a live push. */
    void event(EventView event) {
        events.accept(event);
    }

    /** The application already has the conversation up to {@code seq}; see {@link CatchUp#advanceTo}. */
    void knownSeq(long conversationId, long seq) {
        messages.advanceTo(conversationId, seq);
    }

    /** The application already has the event log up to {@code seq}; see {@link CatchUp#advanceTo}. */
    void knownEventSeq(long seq) {
        events.advanceTo(StreamKind.EVENT_LOG, seq);
    }

    /** The highest seq delivered (or declared known) in the conversation. Safe to call from any thread. */
    long deliveredSeq(long conversationId) {
        return messages.deliveredSeq(conversationId);
    }

    /** The highest event seq delivered (or declared known). Safe to call from any thread. */
    long deliveredEventSeq() {
        return events.deliveredSeq(StreamKind.EVENT_LOG);
    }

    /** A new socket said {@code hello}: catches up every conversation, then the event log. */
    void connected(ServerFrame.Hello hello) {
        conversations.walk();
        events.catchUpTo(StreamKind.EVENT_LOG, hello.lastEventSeq());
    }

    /** The server says pushes may have been missed: catches up every conversation, then the event log. */
    void resync() {
        conversations.walk();
        events.catchUp(StreamKind.EVENT_LOG);
    }

    /** The socket is gone: running syncs will get no answer; positions and held items stay. */
    void disconnected() {
        conversations.reset();
        messages.reset();
        events.reset();
    }

    /** The connection closed for good: nothing more is synced or reported. */
    void ended() {
        disconnected();
    }

    private CompletableFuture<SeqPage<MessageView>> messagePage(long conversationId, long afterSeq, int limit) {
        return FrameDispatcher.answerAs(requests.ask(id -> new ClientFrame.Sync(id, conversationId, afterSeq, limit)),
                ServerFrame.Messages.class, answer -> SeqPage.of(answer.page()));
    }

    private CompletableFuture<SeqPage<EventView>> eventPage(long eventLog, long afterSeq, int limit) {
        return FrameDispatcher.answerAs(requests.ask(id -> new ClientFrame.Events(id, afterSeq, limit)),
                ServerFrame.Events.class, answer -> SeqPage.of(answer.page()));
    }
}
