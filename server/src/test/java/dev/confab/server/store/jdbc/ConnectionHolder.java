package dev.confab.server.store.jdbc;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds one pooled connection of a database on a virtual thread until closed. */
final class ConnectionHolder implements AutoCloseable {

    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread thread;

    ConnectionHolder(Database database) throws InterruptedException {
        thread = Thread.ofVirtual().start(() -> new Transactions(database).read("hold", c -> {
            holding.countDown();
            try {
                return release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        if (!holding.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not take a connection");
        }
    }

    @Override
    public void close() throws InterruptedException {
        release.countDown();
        thread.join();
    }
}
