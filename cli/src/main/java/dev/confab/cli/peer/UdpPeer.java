package dev.confab.cli.peer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * {@code --local udp://HOST:PORT --remote udp://HOST:PORT}: symmetric UDP chat. Either side may start
 * first: each repeats its Hello until the other answers, and a side that leaves and comes back is
 * greeted again. Ends by itself only when the other side refuses this one (e.g. another wire version).
 */
public final class UdpPeer implements PeerMode {
    private final PeerAddress local;
    private final PeerAddress remote;
    private final UUID me;
    private final PeerSettings settings;
    private final PeerChat chat;
    private final PeerObserver observer;
    private final UnaryOperator<Link> linkFilter;
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();
    private volatile DatagramChannel channel;
    private volatile PeerSession session;

    /**
     * @param linkFilter wraps the outgoing side of the link; identity in the product, a lossy link in tests
     */
    public UdpPeer(PeerAddress local, PeerAddress remote, UUID me, PeerSettings settings, PeerChat chat,
                   PeerObserver observer, UnaryOperator<Link> linkFilter) {
        this.local = local;
        this.remote = remote;
        this.me = me;
        this.settings = settings;
        this.chat = chat;
        this.observer = observer;
        this.linkFilter = linkFilter;
    }

    @Override
    public void start() throws IOException {
        InetSocketAddress bindAddress = local.resolve();
        InetSocketAddress remoteAddress = remote.resolve();
        DatagramChannel c = DatagramChannel.open(bindAddress.getAddress() instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            c.bind(bindAddress);
        } catch (IOException e) {
            c.close();
            throw new IOException("cannot listen on " + local + ": " + e.getMessage());
        }
        channel = c;
        UdpLink link = new UdpLink(c, remoteAddress, settings.maxDatagramBytes(), observer);
        session = new PeerSession(me, PeerSession.Mode.DATAGRAM, settings, linkFilter.apply(link), observer, PeerClock.SYSTEM,
                (reason, byPeer) -> {
                    if (byPeer) {
                        ended.complete(1);
                    }
                });
        observer.network(new NetworkEvent(NetworkEvent.Kind.LISTENING, "listening on " + address() + ", greeting " + link.remote()));
        chat.tryAttach(session);
        session.start();
        Thread.ofPlatform().daemon().name("peer-udp-receiver").start(() -> link.receiveLoop(session));
    }

    /** The address actually bound (its port is the real one when 0 was asked for). */
    public PeerAddress address() throws IOException {
        return local.withPort(((InetSocketAddress) channel.getLocalAddress()).getPort());
    }

    @Override
    public CompletableFuture<Integer> ended() {
        return ended;
    }

    @Override
    public void close() {
        PeerSession s = session;
        if (s != null) {
            s.leave("closed the chat");
            chat.detach(s);
        }
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing: nothing to report
        }
    }
}
