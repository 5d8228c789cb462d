package dev.confab.cli.chat;

import dev.confab.cli.client.SavedSession;
import dev.confab.cli.client.Texts;
import dev.confab.cli.client.UserNames;
import dev.confab.client.ConfabConnection;
import dev.confab.client.ConfabHttpClient;
import dev.confab.client.ConnectionListener;
import dev.confab.client.ConnectionState;
import dev.confab.protocol.model.EventView;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.PresenceView;
import dev.confab.protocol.model.ReceiptView;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The chat without a screen: a user's saved session, the real {@link ChatSession} on a real connection
 * and the real {@link ChatActions}, for tests that look at what the chat holds rather than what it
 * draws. Counts the messages the connection delivers per conversation, to see what it fetched.
 */
final class HeadlessChat implements AutoCloseable {
    final ChatState state;
    final ChatSession session;
    final ChatActions actions;
    final ConfabHttpClient http;
    private final Map<Long, AtomicInteger> delivered = new ConcurrentHashMap<>();

    HeadlessChat(Path home) {
        this(home, HttpClient.newHttpClient());
    }

    /** A chat whose HTTP calls go through {@code client}. */
    HeadlessChat(Path home, HttpClient client) {
        SavedSession saved = SavedSession.load(home);
        http = new ConfabHttpClient(URI.create(saved.server()), saved.token(), client, Duration.ofSeconds(15));
        state = new ChatState(saved.userId(), saved.username(), saved.server(), new UserNames(), Clock.systemUTC());
        session = new ChatSession(state, http, Texts.english());
        actions = new ChatActions(session);
        session.start(new ConfabConnection(URI.create(saved.server()), saved.token(), new Counting(session)));
    }

    boolean connected() {
        synchronized (state) {
            return Texts.english().get("state.connected").equals(state.connection);
        }
    }

    /** Messages of the conversation the connection handed to the chat (live or from its catch-up). */
    int delivered(long conversationId) {
        AtomicInteger count = delivered.get(conversationId);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        session.close();
    }

    /** Counts deliveries and passes everything on to the session. */
    private final class Counting implements ConnectionListener {
        private final ConnectionListener next;

        Counting(ConnectionListener next) {
            this.next = next;
        }

        @Override
        public void onMessage(MessageView message) {
            delivered.computeIfAbsent(message.conversationId(), id -> new AtomicInteger()).incrementAndGet();
            next.onMessage(message);
        }

        @Override
        public void onEvent(EventView event) {
            next.onEvent(event);
        }

        @Override
        public void onPresence(PresenceView presence) {
            next.onPresence(presence);
        }

        @Override
        public void onReceipt(ReceiptView receipt) {
            next.onReceipt(receipt);
        }

        @Override
        public void onTyping(long conversationId, long userId, long expiresInMillis) {
            next.onTyping(conversationId, userId, expiresInMillis);
        }

        @Override
        public void onConnectionState(ConnectionState s) {
            next.onConnectionState(s);
        }

        @Override
        public void onSessionEnded() {
            next.onSessionEnded();
        }

        @Override
        public void onSessionReplaced(String byDeviceName) {
            next.onSessionReplaced(byDeviceName);
        }

        @Override
        public void onError(Throwable error) {
            next.onError(error);
        }
    }
}
