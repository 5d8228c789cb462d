package dev.confab.cli.peer;

import java.util.ArrayDeque;
import java.util.Deque;

/** Two links joined in memory: what one end sends waits in the other's inbox until {@link #pump}. */
final class MemoryWire {
    final End a = new End("mem://a");
    final End b = new End("mem://b");

    MemoryWire() {
        a.other = b;
        b.other = a;
    }

    static class End implements Link {
        private final String name;
        private final Deque<byte[]> inbox = new ArrayDeque<>();
        private End other;
        PeerSession session;
        int maxEnvelopeBytes = 65_507;

        End(String name) {
            this.name = name;
        }

        @Override
        public void send(byte[] envelope, Runnable written) {
            other.inbox.add(envelope);
            written.run();
        }

        boolean inboxEmpty() {
            return inbox.isEmpty();
        }

        void inboxClear() {
            inbox.clear();
        }

        @Override
        public int maxEnvelopeBytes() {
            return maxEnvelopeBytes;
        }

        @Override
        public String tooBig(int size) {
            return "too big: " + size;
        }

        @Override
        public String remote() {
            return other == null ? name : other.name;
        }
    }

    /** Delivers until both inboxes are empty. */
    void pump() {
        while (!a.inbox.isEmpty() || !b.inbox.isEmpty()) {
            if (!a.inbox.isEmpty()) {
                a.session.receive(a.inbox.poll());
            }
            if (!b.inbox.isEmpty()) {
                b.session.receive(b.inbox.poll());
            }
        }
    }
}
