package dev.confab.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Opens many sockets with a bounded number of handshakes in flight and keeps them. Each frame is
 * handed to {@code onFrame} with the index of the account it arrived for.
 */
final class Fleet {
    private final Clients clients;
    private final java.util.function.IntFunction<URI> ws;
    private final List<Account> accounts;
    private final BiConsumer<Integer, JsonNode> onFrame;
    private final BenchSocket[] sockets;
    private final AtomicInteger closed = new AtomicInteger();
    private final Latencies connectTimes = new Latencies();

    Fleet(Clients clients, java.util.function.IntFunction<URI> ws, List<Account> accounts, BiConsumer<Integer, JsonNode> onFrame) {
        this.clients = clients;
        this.ws = ws;
        this.accounts = accounts;
        this.onFrame = onFrame;
        this.sockets = new BenchSocket[accounts.size()];
    }

    /** Attempts per account before a connect counts as failed; a real client retries too. */
    private static final int CONNECT_ATTEMPTS = 5;
    private final AtomicInteger retries = new AtomicInteger();

    /**
     * Connects every account (at most {@code inFlight} handshakes at once), retrying a failed handshake
     * after a second up to {@value #CONNECT_ATTEMPTS} attempts; returns connections per second.
     */
    double connectAll(int inFlight) throws InterruptedException {
        long start = System.nanoTime();
        Semaphore permits = new Semaphore(inFlight);
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < accounts.size(); i++) {
            permits.acquire();
            connectRetrying(i, CONNECT_ATTEMPTS, permits, failed);
        }
        if (!permits.tryAcquire(inFlight, 5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("connections did not finish within 5 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " of " + accounts.size() + " connections failed "
                    + CONNECT_ATTEMPTS + " times");
        }
        return accounts.size() / seconds;
    }

    private void connectRetrying(int i, int attemptsLeft, Semaphore permits, AtomicInteger failed) {
        connect(i).onComplete(r -> {
            if (r.succeeded()) {
                permits.release();
            } else if (attemptsLeft > 1) {
                retries.incrementAndGet();
                clients.vertx().setTimer(1000, t -> connectRetrying(i, attemptsLeft - 1, permits, failed));
            } else {
                failed.incrementAndGet();
                permits.release();
            }
        });
    }

    /** Handshakes that failed and were tried again. */
    int retries() {
        return retries.get();
    }

    /** Opens (or reopens) the socket of account {@code i}; completes on its first frame. */
    Future<BenchSocket> connect(int i) {
        long t0 = System.nanoTime();
        Account a = accounts.get(i);
        return BenchSocket.open(clients.client(i), ws.apply(i), a.token(), a.id(), f -> onFrame.accept(i, f), closed::incrementAndGet)
                .onSuccess(s -> {
                    sockets[i] = s;
                    connectTimes.recordNanos(System.nanoTime() - t0);
                });
    }

    BenchSocket socket(int i) {
        return sockets[i];
    }

    int size() {
        return sockets.length;
    }

    int open() {
        int n = 0;
        for (BenchSocket s : sockets) {
            if (s != null && s.isOpen()) {
                n++;
            }
        }
        return n;
    }

    Latencies connectTimes() {
        return connectTimes;
    }

    /** Closes every socket at once. */
    void dropAll() {
        List<Future<Void>> closing = new ArrayList<>();
        for (BenchSocket s : sockets) {
            if (s != null) {
                closing.add(s.close());
            }
        }
        try {
            Future.join(closing).await(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("bench: some sockets did not close within 60 s");
        }
    }
}
