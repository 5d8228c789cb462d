package dev.confab.cli.script;

import dev.confab.client.ConfabConnection;
import dev.confab.client.ConnectionListener;
import dev.confab.client.ConnectionState;
import dev.confab.protocol.model.EventView;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.PresenceView;
import dev.confab.protocol.model.ReceiptView;
import java.util.concurrent.BlockingQueue;

/**
 * Hands what the connection reports to the printing thread (callbacks must not block, and printing
 * looks names up over HTTP). Events the account had before the watch began (up to the first
 * {@code hello}'s {@code lastEventSeq}) are left out: the watch shows what happens from now on.
 */
final class WatchListener implements ConnectionListener {
    static final Object SESSION_ENDED = new Object();

    record Typing(long conversationId, long userId) {
    }

    record Failure(Throwable error) {
    }

    private final BlockingQueue<Object> queue;
    private ConfabConnection connection;
    private long eventsBefore = -1;

    WatchListener(BlockingQueue<Object> queue) {
        this.queue = queue;
    }

    void attach(ConfabConnection connection) {
        this.connection = connection;
    }

    @Override
    public void onConnectionState(ConnectionState state) {
        if (state == ConnectionState.CONNECTED && eventsBefore < 0) {
            eventsBefore = connection.hello().map(h -> h.lastEventSeq()).orElse(0L);
        }
        queue.add(state);
    }

    @Override
    public void onMessage(MessageView message) {
        queue.add(message);
    }

    @Override
    public void onEvent(EventView event) {
        if (event.seq() > eventsBefore) {
            queue.add(event);
        }
    }

    @Override
    public void onReceipt(ReceiptView receipt) {
        queue.add(receipt);
    }

    @Override
    public void onPresence(PresenceView presence) {
        queue.add(presence);
    }

    @Override
    public void onTyping(long conversationId, long userId, long expiresInMillis) {
        queue.add(new Typing(conversationId, userId));
    }

    @Override
    public void onError(Throwable error) {
        queue.add(new Failure(error));
    }

    @Override
    public void onSessionEnded() {
        queue.add(SESSION_ENDED);
    }
}
