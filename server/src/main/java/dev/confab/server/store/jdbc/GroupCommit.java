package dev.confab.server.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: many callers' small writes share one transaction, so one durable commit (one fsync)
 * serves a whole batch. A single writer thread takes whatever is queued (up to {@code maxBatch}; it
 * never waits to fill a batch, so an idle system commits each write at once), runs each item under
 * its own savepoint, and commits. An item that fails is rolled back to its savepoint alone and its
 * caller gets the error; the others commit. (A batch of one runs without a savepoint: a failure rolls
 * back the transaction, which holds nothing else.) Every caller returns only after the commit, so a result
 * never describes an uncommitted write; if the commit fails, every caller of the batch gets that error
 * and nothing of the batch is stored.
 *
 * <p>With several writers, each owns the items whose {@code lockOrder} key (e.g. conversation id)
 * falls in its partition, so two writers of a node never wait for each other's row locks. Within a
 * batch items run in key order, so batches of several nodes take row locks in one order and cannot
 * deadlock one another.
 *
 * @param <I> an item to write
 * @param <R> its result
 */
final class GroupCommit<I, R> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** Writes one item inside the shared transaction. */
    interface ItemWork<I, R> {
        R run(Connection c, I item) throws SQLException;
    }

    /**
     * Writes a whole batch inside the shared transaction, in fewer statements than item by item. Returns
     * one outcome per item, in order: its result, or {@link #failed} for an item that wrote nothing. Throws
     * {@link RedoItemByItem} when the batch cannot be written this way; the transaction is then rolled
     * back and the batch redone with the {@link ItemWork}, each item under its own savepoint.
     */
    interface BatchWork<I> {
        List<Object> run(Connection c, List<I> items) throws SQLException;
    }

    /** See {@link BatchWork}. */
    static final class RedoItemByItem extends RuntimeException {
        RedoItemByItem() {
            super(null, null, false, false);
        }
    }

    /** The outcome of an item that failed with {@code error} and wrote nothing, for {@link BatchWork}. */
    static Object failed(RuntimeException error) {
        return new Failure(error);
    }

    private record Pending<I, R>(I item, CompletableFuture<R> result) {
    }

    private final Transactions transactions;
    private final String operation;
    private final ItemWork<I, R> work;
    private final BatchWork<I> batchWork;
    private final ToLongFunction<I> lockOrder;
    private final int maxBatch;
    private final List<LinkedBlockingQueue<Pending<I, R>>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param writers batches committed at once: 1 where the database has one writer anyway (SQLite);
     *                more where each item costs round trips to a database server, so batches overlap
     */
    GroupCommit(Transactions transactions, String operation, ItemWork<I, R> work, ToLongFunction<I> lockOrder,
                int maxBatch, int writers) {
        this(transactions, operation, work, null, lockOrder, maxBatch, writers);
    }

    /** As above, writing each batch with {@code batchWork} first (see {@link BatchWork}); null for none. */
    GroupCommit(Transactions transactions, String operation, ItemWork<I, R> work, BatchWork<I> batchWork,
                ToLongFunction<I> lockOrder, int maxBatch, int writers) {
        this.transactions = transactions;
        this.operation = operation;
        this.work = work;
        this.batchWork = batchWork;
        this.lockOrder = lockOrder;
        this.maxBatch = maxBatch;
        for (int i = 0; i < writers; i++) {
            LinkedBlockingQueue<Pending<I, R>> queue = new LinkedBlockingQueue<>();
            queues.add(queue);
            this.writers.add(Thread.ofVirtual().name("confab-group-commit-" + operation.replace(' ', '-') + "-" + i)
                    .start(() -> loop(queue)));
        }
    }

    /** Writes {@code item} in the next batch and returns its result once that batch committed. Blocking. */
    R write(I item) {
        if (closed) {
            throw new dev.confab.server.errors.StoreUnavailableException(operation + ": the store is closed");
        }
        Pending<I, R> pending = new Pending<>(item, new CompletableFuture<>());
        queues.get((int) Math.floorMod(lockOrder.applyAsLong(item), (long) queues.size())).add(pending);
        try {
            return pending.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.confab.server.errors.StoreUnavailableException("interrupted while waiting for " + operation);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void loop(LinkedBlockingQueue<Pending<I, R>> queue) {
        List<Pending<I, R>> batch = new ArrayList<>(maxBatch);
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            batch.sort(Comparator.comparingLong(p -> lockOrder.applyAsLong(p.item())));
            commit(batch);
            batch.clear();
        }
    }

    private void commit(List<Pending<I, R>> batch) {
        if (batch.size() == 1) {
            commitAlone(batch.getFirst());
            return;
        }
        List<Object> outcomes = new ArrayList<>(batch.size());
        try {
            if (!committedAsBatch(batch, outcomes)) {
                transactions.write(operation, c -> {
                    outcomes.clear();
                    for (Pending<I, R> p : batch) {
                        outcomes.add(runOne(c, p.item()));
                    }
                    return null;
                });
            }
        } catch (RuntimeException e) {
            batch.forEach(p -> p.result().completeExceptionally(e));
            return;
        } catch (Error e) {
            batch.forEach(p -> p.result().completeExceptionally(e));
            LOG.error("group commit failed", e);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i).result(), outcomes.get(i));
        }
    }

    /**
     * A batch of one needs no savepoint: if the item fails, rolling back the whole transaction undoes
     * exactly its writes. That saves two statements (on PostgreSQL two round trips) at low load, where
     * batches are mostly of one.
     */
    private void commitAlone(Pending<I, R> only) {
        try {
            only.result().complete(transactions.write(operation, c -> work.run(c, only.item())));
        } catch (RuntimeException e) {
            only.result().completeExceptionally(e);
        } catch (Error e) {
            only.result().completeExceptionally(e);
            LOG.error("group commit failed", e);
        }
    }

    /**
     * Writes a batch of two or more with {@link #batchWork}; false when there is none or it asked to redo
     * item by item. (A lone write never gets here: its own statements are simpler than the batch's
     * set-based ones, so it is answered sooner by {@link #commitAlone}.)
     */
    private boolean committedAsBatch(List<Pending<I, R>> batch, List<Object> outcomes) {
        if (batchWork == null) {
            return false;
        }
        List<I> items = batch.stream().map(Pending::item).toList();
        try {
            transactions.write(operation, c -> {
                List<Object> written = batchWork.run(c, items);
                if (written.size() != items.size()) {
                    throw new IllegalStateException(operation + ": " + written.size() + " outcomes for " + items.size() + " items");
                }
                outcomes.clear();
                outcomes.addAll(written);
                return null;
            });
            return true;
        } catch (RedoItemByItem e) {
            return false;
        }
    }

    /** The item's result, or the RuntimeException it failed with (its writes rolled back to the savepoint). */
    private Object runOne(Connection c, I item) throws SQLException {
        Sql.execute(c, "SAVEPOINT confab_item");
        try {
            R result = work.run(c, item);
            Sql.execute(c, "RELEASE SAVEPOINT confab_item");
            return result;
        } catch (RuntimeException e) {
            Sql.execute(c, "ROLLBACK TO SAVEPOINT confab_item");
            Sql.execute(c, "RELEASE SAVEPOINT confab_item");
            return new Failure(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void complete(CompletableFuture<R> future, Object outcome) {
        if (outcome instanceof Failure f) {
            future.completeExceptionally(f.error());
        } else {
            future.complete((R) outcome);
        }
    }

    /** An item that failed and wrote nothing. */
    record Failure(RuntimeException error) {
    }


    @Override
    public void close() {
        closed = true;
        writers.forEach(Thread::interrupt);
        for (LinkedBlockingQueue<Pending<I, R>> queue : queues) {
            Pending<I, R> p;
            while ((p = queue.poll()) != null) {
                p.result().completeExceptionally(new dev.confab.server.errors.StoreUnavailableException(operation + ": shutting down"));
            }
        }
    }
}
