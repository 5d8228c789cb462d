package dev.confab.cli.peer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
        InetSocketAddress address = target.resolve();
        Socket socket = new Socket();
        try {
            socket.connect(address, (int) CONNECT_TIMEOUT.toMillis());
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot connect to " + target + ": " + e.getMessage());
        }
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
