package dev.confab.cli.peer;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test transport: passes envelopes to the real link but drops every {@code k}-th one, as a lossy
 * network would (the sender still believes it sent it).
 */
final class LossyLink implements Link {
    private final Link inner;
    private final int k;
    private final AtomicInteger sends = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();

    LossyLink(Link inner, int k) {
        this.inner = inner;
        this.k = k;
    }

    @Override
    public void send(byte[] envelope, Runnable written) {
        if (sends.incrementAndGet() % k == 0) {
            dropped.incrementAndGet();
            written.run();
        } else {
            inner.send(envelope, written);
        }
    }

    int dropped() {
        return dropped.get();
    }

    @Override
    public int maxEnvelopeBytes() {
        return inner.maxEnvelopeBytes();
    }

    @Override
    public String tooBig(int size) {
        return inner.tooBig(size);
    }

    @Override
    public String remote() {
        return inner.remote();
    }
}
