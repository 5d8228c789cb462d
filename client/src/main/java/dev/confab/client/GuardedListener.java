package dev.confab.client;

import dev.confab.protocol.model.EventView;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.PresenceView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls the application's listener and keeps an exception it throws from reaching the connection. */
final class GuardedListener implements ConnectionListener {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedListener.class);

    private final ConnectionListener delegate;

    GuardedListener(ConnectionListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onMessage(MessageView message) {
        guard(() -> delegate.onMessage(message), "onMessage");
    }

    @Override
    public void onEvent(EventView event) {
        guard(() -> delegate.onEvent(event), "onEvent");
    }

    @Override
    public void onPresence(PresenceView presence) {
        guard(() -> delegate.onPresence(presence), "onPresence");
    }

    @Override
    public void onReceipt(dev.confab.protocol.model.ReceiptView receipt) {
        guard(() -> delegate.onReceipt(receipt), "onReceipt");
    }

    @Override
    public void onTyping(long conversationId, long userId, long expiresInMillis) {
        guard(() -> delegate.onTyping(conversationId, userId, expiresInMillis), "onTyping");
    }

    @Override
    public void onConnectionState(ConnectionState state) {
        guard(() -> delegate.onConnectionState(state), "onConnectionState");
    }

    @Override
    public void onSessionEnded() {
        guard(delegate::onSessionEnded, "onSessionEnded");
    }

    @Override
    public void onSessionReplaced(String byDeviceName) {
        guard(() -> delegate.onSessionReplaced(byDeviceName), "onSessionReplaced");
    }

    @Override
    public void onError(Throwable error) {
        guard(() -> delegate.onError(error), "onError");
    }

    private static void guard(Runnable call, String name) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("connection listener {} threw", name, e);
        }
    }
}
