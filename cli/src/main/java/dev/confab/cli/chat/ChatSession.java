package dev.confab.cli.chat;

import dev.confab.cli.client.ConversationFinder;
import dev.confab.cli.client.ErrorText;
import dev.confab.cli.client.EventText;
import dev.confab.cli.client.MessageText;
import dev.confab.cli.client.Texts;
import dev.confab.client.ConfabConnection;
import dev.confab.client.ConfabHttpClient;
import dev.confab.client.ConnectionListener;
import dev.confab.client.ConnectionState;
import dev.confab.protocol.model.ConversationView;
import dev.confab.protocol.model.EventView;
import dev.confab.protocol.model.FriendView;
import dev.confab.protocol.model.MessagePage;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.PresenceView;
import dev.confab.protocol.model.ReceiptView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The chat's link to the server: feeds the {@link ChatState} from the live connection (messages,
 * receipts, typing, presence, account events, connection changes) and runs blocking HTTP work on one
 * worker thread, so neither the keyboard nor the connection's event thread ever waits on the network.
 * After every (re)connect it refreshes presence and the open conversation's receipts; the connection
 * itself catches up on messages, each exactly once.
 */
final class ChatSession implements ConnectionListener, AutoCloseable {
    /** Messages per history page. */
    static final int PAGE = 50;
    /** How often delivery receipts are sent (coalesced) and typing indicators re-checked for expiry. */
    static final long TICK_MILLIS = 500;
    /** How long to wait before asking again for the conversation list when starting failed to load it. */
    static final long LIST_RETRY_MILLIS = 2000;

    final ChatState state;
    final ConfabHttpClient http;
    final Texts texts;
    final ErrorText errors;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("confab-chat-worker"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("confab-chat-tick"));
    private final Map<Long, Long> deliveredToConfirm = new HashMap<>();
    private ConfabConnection connection;
    private volatile Runnable redraw = () -> { };
    private long eventsBefore = -1;
    private boolean everConnected;

    ChatSession(ChatState state, ConfabHttpClient http, Texts texts) {
        this.state = state;
        this.http = http;
        this.texts = texts;
        this.errors = new ErrorText(texts);
    }

    void onRedraw(Runnable redraw) {
        this.redraw = redraw;
    }

    ConfabConnection connection() {
        return connection;
    }

    /**
     * Loads the conversation list, then connects; while the list cannot be loaded (the server is down)
     * it tries again every {@link #LIST_RETRY_MILLIS}. Connecting only after the list keeps the
     * connection from fetching whole histories: it delivers each listed conversation after its last
     * seq, and the chat loads older messages page by page on demand.
     */
    void start(ConfabConnection connection) {
        this.connection = connection;
        state.connection = texts.get("state.connecting");
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        connectOnceListed();
    }

    private void connectOnceListed() {
        try {
            refreshConversations();
        } catch (RuntimeException e) {
            String failure = errors.describe(e);
            synchronized (state) {
                if (state.events.isEmpty() || !state.events.getLast().equals(failure)) {
                    state.event(failure); // once, not at every retry
                }
            }
            redraw();
            ticker.schedule(() -> worker.execute(this::connectOnceListed), LIST_RETRY_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        connection.connect();
    }

    /** Runs blocking work on the worker; a failure becomes a line in the events row. Redraws after. */
    void background(Task task) {
        worker.execute(() -> {
            try {
                task.run();
            } catch (Exception e) {
                state.event(errors.describe(e));
            }
            redraw.run();
        });
    }

    /** Blocking work for {@link #background}. */
    @FunctionalInterface
    interface Task {
        void run() throws Exception;
    }

    void redraw() {
        redraw.run();
    }

    /**
     * Merges the server's conversation list into the chat. A conversation new to the chat is delivered
     * by the connection only after its listed last seq (see {@link #startAfter}).
     */
    void refreshConversations() {
        for (ConversationView c : new ConversationFinder(http, texts).all()) {
            if (state.merge(c)) {
                connection.knownSeq(c.id(), c.lastSeq());
            }
        }
    }

    /**
     * Has the connection deliver a conversation the chat does not hold yet only after {@code lastSeq}
     * (a position only ever moves forward). Called before joining a room, so the push of the join cannot
     * make the connection fetch the room's whole visible history: the chat shows the newest page and
     * loads older ones when scrolled back.
     */
    void startAfter(long conversationId, long lastSeq) {
        boolean held;
        synchronized (state) {
            held = state.conversations.containsKey(conversationId);
        }
        if (!held) {
            connection.knownSeq(conversationId, lastSeq);
        }
    }

    /** Selects a conversation, loads its newest page and receipts the first time, and marks it read. */
    void open(long conversationId) {
        state.select(conversationId);
        ChatConversation c = state.current();
        if (c == null) {
            return;
        }
        boolean load;
        synchronized (state) {
            load = !c.loaded;
        }
        if (load) {
            background(() -> {
                MessagePage page = http.latestMessages(conversationId, PAGE);
                fetchNames(page.messages());
                state.page(conversationId, page);
                http.receipts(conversationId).receipts().forEach(state::receipt);
                markRead(conversationId);
            });
        }
        markRead(conversationId);
        redraw();
    }

    /** Loads the page before the oldest message held, once at a time. */
    void loadOlder() {
        ChatConversation c = state.current();
        if (c == null) {
            return;
        }
        long before;
        synchronized (state) {
            if (!c.hasOlder() || c.loadingOlder) {
                return;
            }
            c.loadingOlder = true;
            before = c.olderThan();
        }
        background(() -> {
            try {
                MessagePage page = http.messagesBefore(c.id, before, PAGE);
                fetchNames(page.messages());
                state.page(c.id, page);
            } finally {
                synchronized (state) {
                    c.loadingOlder = false;
                }
            }
        });
    }

    private void markRead(long conversationId) {
        long seq;
        synchronized (state) {
            ChatConversation c = state.conversations.get(conversationId);
            if (c == null || c.lastSeq <= c.readSeq || state.selected == null || state.selected != conversationId) {
                return;
            }
            seq = c.lastSeq;
            c.readSeq = seq;
            c.unread = 0;
        }
        connection.markRead(conversationId, seq);
    }

    private void fetchNames(List<MessageView> messages) {
        List<Long> ids = new ArrayList<>();
        messages.forEach(m -> ids.addAll(MessageText.userIds(m)));
        state.names.fetchMissing(http, ids);
    }

    private void tick() {
        Map<Long, Long> confirm;
        synchronized (deliveredToConfirm) {
            confirm = new HashMap<>(deliveredToConfirm);
            deliveredToConfirm.clear();
        }
        confirm.forEach(connection::markDelivered);
        boolean typing;
        synchronized (state) {
            typing = state.typing.values().stream().anyMatch(m -> !m.isEmpty());
        }
        if (typing) {
            redraw.run();
        }
    }

    @Override
    public void onConnectionState(ConnectionState s) {
        state.connection = texts.get("state." + s.name().toLowerCase());
        if (s == ConnectionState.CONNECTED) {
            if (eventsBefore < 0) {
                eventsBefore = connection.hello().map(h -> h.lastEventSeq()).orElse(0L);
            }
            state.event(texts.get(everConnected ? "chat.reconnected" : "chat.connected"));
            everConnected = true;
            background(this::afterConnect);
        } else if (s == ConnectionState.DISCONNECTED && everConnected) {
            state.event(texts.get("state.disconnected"));
        }
        redraw();
    }

    private void afterConnect() {
        refreshConversations();
        List<Long> people = new ArrayList<>();
        synchronized (state) {
            state.conversations.values().stream().filter(ChatConversation::direct).forEach(c -> people.add(c.peerId));
        }
        List<FriendView> friends = http.friends().friends();
        state.setFriends(friends);
        friends.forEach(f -> people.add(f.user().id()));
        if (!people.isEmpty()) {
            List<PresenceView> presence = http.presence(people.stream().distinct().limit(200).toList()).presence();
            synchronized (state) {
                presence.forEach(p -> state.online.put(p.userId(), p.online()));
            }
        }
        ChatConversation open = state.current();
        if (open != null) {
            http.receipts(open.id).receipts().forEach(state::receipt);
            markRead(open.id);
        }
    }

    @Override
    public void onMessage(MessageView m) {
        ChatConversation c = state.message(m);
        if (c == null) {
            background(() -> {
                refreshConversations();
                fetchNames(List.of(m));
                if (state.message(m) != null && state.selected != null && state.selected == m.conversationId()) {
                    markRead(m.conversationId());
                }
            });
            return;
        }
        if (MessageText.userIds(m).stream().anyMatch(id -> !state.names.known(id))) {
            background(() -> fetchNames(List.of(m)));
        }
        if (m.senderId() != state.me) {
            if (state.selected != null && state.selected == c.id) {
                markRead(c.id);
            } else {
                synchronized (deliveredToConfirm) {
                    deliveredToConfirm.merge(c.id, m.seq(), Math::max);
                }
            }
        }
        redraw();
    }

    @Override
    public void onEvent(EventView event) {
        if (event.seq() <= eventsBefore) {
            return;
        }
        state.event(new EventText(texts, state.names::name).describe(event, state.me));
        if (event.type().startsWith("friend")) {
            background(this::afterConnect);
        }
        redraw();
    }

    @Override
    public void onPresence(PresenceView p) {
        synchronized (state) {
            state.online.put(p.userId(), p.online());
        }
        state.event(texts.get(p.online() ? "presence.online" : "presence.offline", p.username()));
        redraw();
    }

    @Override
    public void onReceipt(ReceiptView receipt) {
        state.receipt(receipt);
        redraw();
    }

    @Override
    public void onTyping(long conversationId, long userId, long expiresInMillis) {
        state.typing(conversationId, userId, expiresInMillis);
        if (!state.names.known(userId)) {
            background(() -> state.names.fetchMissing(http, List.of(userId)));
        }
        redraw();
    }

    @Override
    public void onSessionEnded() {
        state.event(texts.get("auth.session_ended"));
        redraw();
    }

    @Override
    public void onSessionReplaced(String byDeviceName) {
        state.event(texts.get("chat.replaced", byDeviceName == null ? "?" : byDeviceName));
        redraw();
    }

    @Override
    public void onError(Throwable error) {
        state.event(errors.describe(error));
        redraw();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        worker.shutdownNow();
        if (connection != null) {
            connection.close();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
