package dev.confab.cli.peer;

import dev.confab.protocol.peer.PeerWireException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * A {@link Link} over UDP: one envelope per datagram, to and from one configured remote address.
 * Datagrams from any other address are ignored (and reported), so a stray sender cannot disturb the
 * conversation. A datagram larger than the limit is refused; one is detected by reading into a buffer
 * one byte larger than the limit.
 */
final class UdpLink implements Link {
    private final DatagramChannel channel;
    private final InetSocketAddress remote;
    private final int maxDatagramBytes;
    private final PeerObserver observer;

    UdpLink(DatagramChannel channel, InetSocketAddress remote, int maxDatagramBytes, PeerObserver observer) {
        this.channel = channel;
        this.remote = remote;
        this.maxDatagramBytes = maxDatagramBytes;
        this.observer = observer;
    }

    @Override
    public void send(byte[] envelope, Runnable written) {
        try {
            channel.send(ByteBuffer.wrap(envelope), remote);
            written.run();
        } catch (ClosedChannelException e) {
            // shutting down
        } catch (IOException e) {
            observer.network(new NetworkEvent(NetworkEvent.Kind.ERROR, "sending to " + remote() + " failed: " + e.getMessage()));
        }
    }

    @Override
    public int maxEnvelopeBytes() {
        return maxDatagramBytes;
    }

    @Override
    public String tooBig(int size) {
        return "too big for UDP: " + size + " bytes encoded, one datagram carries at most " + maxDatagramBytes
                + " (--max-datagram); use tcp:// for larger messages";
    }

    @Override
    public String remote() {
        return PeerAddress.describe(PeerAddress.Transport.UDP, remote);
    }

    /** Feeds datagrams from the remote to the session until the channel is closed. */
    void receiveLoop(PeerSession session) {
        ByteBuffer buffer = ByteBuffer.allocate(maxDatagramBytes + 1);
        while (channel.isOpen()) {
            SocketAddress from;
            try {
                buffer.clear();
                from = channel.receive(buffer);
            } catch (IOException e) {
                if (channel.isOpen()) {
                    observer.network(new NetworkEvent(NetworkEvent.Kind.ERROR, "receiving failed: " + e.getMessage()));
                }
                continue;
            }
            buffer.flip();
            if (!remote.equals(from)) {
                observer.network(new NetworkEvent(NetworkEvent.Kind.ERROR, "ignored a datagram from "
                        + PeerAddress.describe(PeerAddress.Transport.UDP, (InetSocketAddress) from)
                        + " (this chat is with " + remote() + ")"));
            } else if (buffer.remaining() > maxDatagramBytes) {
                session.refuse(new PeerWireException(PeerWireException.Kind.TOO_LARGE, "a datagram larger than the limit of "
                        + maxDatagramBytes + " bytes (--max-datagram)"));
            } else {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                session.receive(bytes);
            }
        }
    }
}
