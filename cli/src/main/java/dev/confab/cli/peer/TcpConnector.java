package dev.confab.cli.peer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** {@code --connect tcp://HOST:PORT}: one conversation with a listening peer; ends when it does. */
public final class TcpConnector implements PeerMode {
    /** How long establishing the TCP connection may take. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final PeerAddress target;
    private final UUID me;
    private final PeerSettings settings;
    private final PeerChat chat;
    private final PeerObserver observer;
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();
    private volatile boolean refused;
    private volatile PeerSession session;
    private volatile TcpLink link;

    public TcpConnector(PeerAddress target, UUID me, PeerSettings settings, PeerChat chat, PeerObserver observer) {
        this.target = target;
        this.me = me;
        this.settings = settings;
        this.chat = chat;
        this.observer = observer;
    }

    @Override
    public void start() throws IOException {
        Socket socket = connectToAny();
        link = new TcpLink(socket, settings.maxFrameBytes(), observer);
        session = new PeerSession(me, PeerSession.Mode.STREAM, settings, link, observer, PeerClock.SYSTEM,
                (reason, byPeer) -> refused = byPeer);
        chat.tryAttach(session);
        session.start();
        Thread.ofVirtual().name("peer-tcp-reader").start(() -> {
            String reason = link.readLoop(session);
            session.close(reason);
            chat.detach(session);
            link.finish();
            ended.complete(refused ? 1 : 0);
        });
    }

    /** Tries every address the host name has (localhost is 127.0.0.1 and ::1), in the resolver's order. */
    private Socket connectToAny() throws IOException {
        InetAddress[] candidates;
        try {
            candidates = InetAddress.getAllByName(target.host());
        } catch (UnknownHostException e) {
            throw new UnknownHostException("unknown host '" + target.host() + "'");
        }
        IOException last = null;
        for (InetAddress candidate : candidates) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(candidate, target.port()), (int) CONNECT_TIMEOUT.toMillis());
                return socket;
            } catch (IOException e) {
                socket.close();
                last = e;
            }
        }
        throw new IOException("cannot connect to " + target + ": " + (last == null ? "no address" : last.getMessage()));
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
            link.finish();
        }
    }
}
