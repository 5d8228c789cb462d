package dev.confab.server.presence;

import dev.confab.server.accounts.AccountId;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Holds an account's "went offline" announcement back for {@code presence.offline-grace}: a client
 * that reconnects within it (a network blip, a server restart, a node failing over) never shows its
 * contacts an offline/online flicker, and a reconnect storm does not turn into a storm of last-seen
 * writes and presence pushes. Per node; thread-safe; non-blocking.
 */
public final class OfflineGrace implements AutoCloseable {
    private final Duration grace;
    private final ScheduledExecutorService timer;
    private final ConcurrentHashMap<AccountId, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    public OfflineGrace(Duration grace) {
        this.grace = grace;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("confab-offline-grace").factory());
    }

    /**
     * The account's last connection here closed: run {@code announce} after the grace unless it is back by
     * then. Once closed (the node is stopping and its sockets are closing) nothing is announced from here:
     * a stopping node's users are announced by a surviving node in a cluster, and by nobody on a single
     * server that is going away.
     */
    public void wentOffline(AccountId account, Runnable announce) {
        if (grace.isZero()) {
            announce.run();
            return;
        }
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        try {
            self[0] = timer.schedule(() -> {
                if (pending.remove(account, self[0])) {
                    announce.run();
                }
            }, grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            return;
        }
        ScheduledFuture<?> earlier = pending.put(account, self[0]);
        if (earlier != null) {
            earlier.cancel(false);
        }
    }

    /**
     * The account has a connection here again. True when it came back within the grace: its offline
     * was never announced, so its coming online need not be either.
     */
    public boolean cameBack(AccountId account) {
        ScheduledFuture<?> waiting = pending.remove(account);
        return waiting != null && waiting.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
