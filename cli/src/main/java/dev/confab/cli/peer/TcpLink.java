package dev.confab.cli.peer;

import dev.confab.protocol.peer.PeerWireException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Link} over one TCP connection. Sends are queued and written by one writer thread, so a
 * session never blocks on a slow reader (a side that writes while the other writes too cannot
 * deadlock); the queue holds what the user typed, so it stays small. {@link #readLoop} feeds received
 * frames to the session on the calling thread.
 */
final class TcpLink implements Link {
    /** How long {@link #finish} waits for queued frames to go out and for the other side to close. */
    static final Duration LINGER = Duration.ofSeconds(2);

    private record Pending(byte[] body, Runnable written) {
    }

    private static final Pending END = new Pending(new byte[0], () -> { });

    private final Socket socket;
    private final int maxFrameBytes;
    private final String remote;
    private final PeerObserver observer;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final AtomicBoolean finishing = new AtomicBoolean();

    TcpLink(Socket socket, int maxFrameBytes, PeerObserver observer) throws IOException {
        this.socket = socket;
        this.maxFrameBytes = maxFrameBytes;
        this.remote = PeerAddress.describe(PeerAddress.Transport.TCP, (java.net.InetSocketAddress) socket.getRemoteSocketAddress());
        this.observer = observer;
        socket.setTcpNoDelay(true);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
        this.writer = Thread.ofVirtual().name("peer-tcp-writer").start(() -> writeLoop(out));
    }

    @Override
    public void send(byte[] envelope, Runnable written) {
        queue.add(new Pending(envelope, written));
    }

    @Override
    public int maxEnvelopeBytes() {
        return maxFrameBytes;
    }

    @Override
    public String tooBig(int size) {
        return "too big: " + size + " bytes encoded, a TCP frame carries at most " + maxFrameBytes + " (--max-frame)";
    }

    @Override
    public String remote() {
        return remote;
    }

    /** Reads frames into the session until either side ends it; returns why it ended. */
    String readLoop(PeerSession session) {
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
            while (!session.closed()) {
                byte[] frame = TcpFraming.read(in, maxFrameBytes);
                if (frame == null) {
                    return "the connection was closed";
                }
                session.receive(frame);
            }
            return "the session ended";
        } catch (PeerWireException e) {
            session.refuse(e);
            return e.getMessage();
        } catch (IOException e) {
            return session.closed() ? "the session ended" : "the connection broke: " + e.getMessage();
        }
    }

    /**
     * Ends the connection politely: lets queued frames (a Bye, a Refusal) go out, half-closes, and reads
     * whatever the other side still sends until it closes or {@link #LINGER} passes, so that what was
     * written is not destroyed by a reset.
     */
    void finish() {
        if (!finishing.compareAndSet(false, true)) {
            return;
        }
        queue.add(END);
        try {
            writer.join(LINGER);
            if (!socket.isClosed()) {
                socket.shutdownOutput();
                socket.setSoTimeout((int) LINGER.toMillis());
                byte[] sink = new byte[8192];
                while (socket.getInputStream().read(sink) >= 0) {
                    // discarded: the session is over
                }
            }
        } catch (SocketTimeoutException e) {
            // the other side kept the connection open; close it anyway
        } catch (IOException e) {
            // already broken: nothing left to deliver
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    void close() {
        writer.interrupt();
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing to report
        }
    }

    private void writeLoop(DataOutputStream out) {
        try {
            while (true) {
                Pending p = queue.take();
                if (p == END) {
                    return;
                }
                TcpFraming.write(out, p.body());
                p.written().run();
            }
        } catch (IOException e) {
            if (!socket.isClosed()) {
                observer.network(new NetworkEvent(NetworkEvent.Kind.ERROR, "writing to " + remote + " failed: " + e.getMessage()));
                close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
