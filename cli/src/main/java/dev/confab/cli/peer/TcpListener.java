package dev.confab.cli.peer;

import dev.confab.protocol.peer.PeerCodec;
import dev.confab.protocol.peer.Refusal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@code --listen tcp://HOST:PORT}: chats with one peer at a time and keeps listening after it leaves.
 * A peer that connects while another is chatting gets a {@code peer.busy} refusal and is disconnected.
 */
public final class TcpListener implements PeerMode {
    private final PeerAddress bind;
    private final UUID me;
    private final PeerSettings settings;
    private final PeerChat chat;
    private final PeerObserver observer;
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();
    private volatile boolean closing;
    private volatile ServerSocket server;
    private volatile PeerSession session;
    private volatile TcpLink link;

    public TcpListener(PeerAddress bind, UUID me, PeerSettings settings, PeerChat chat, PeerObserver observer) {
        this.bind = bind;
        this.me = me;
        this.settings = settings;
        this.chat = chat;
        this.observer = observer;
    }

    @Override
    public void start() throws IOException {
        InetSocketAddress address = bind.resolve();
        ServerSocket s = new ServerSocket();
        try {
            s.bind(address);
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot listen on " + bind + ": " + e.getMessage());
        }
        server = s;
        observer.network(new NetworkEvent(NetworkEvent.Kind.LISTENING, "listening on " + address()));
        Thread.ofPlatform().daemon().name("peer-tcp-accept").start(this::acceptLoop);
    }

    /** The address actually bound (its port is the real one when 0 was asked for). */
    public PeerAddress address() {
        return bind.withPort(server.getLocalPort());
    }

    @Override
    public CompletableFuture<Integer> ended() {
        return ended;
    }

    @Override
    public void close() {
        closing = true;
        PeerSession s = session;
        if (s != null) {
            s.leave("closed the chat");
            link.finish();
        }
        try {
            server.close();
        } catch (IOException e) {
            // closing: nothing to report
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Thread.ofVirtual().name("peer-tcp-conversation").start(() -> converse(socket));
        }
    }

    private void converse(Socket socket) {
        TcpLink l;
        try {
            l = new TcpLink(socket, settings.maxFrameBytes(), observer);
        } catch (IOException e) {
            observer.network(new NetworkEvent(NetworkEvent.Kind.ERROR, "a connection failed at once: " + e.getMessage()));
            return;
        }
        PeerSession s = new PeerSession(me, PeerSession.Mode.STREAM, settings, l, observer, PeerClock.SYSTEM, (r, byPeer) -> { });
        if (!chat.tryAttach(s)) {
            observer.network(new NetworkEvent(NetworkEvent.Kind.REFUSED, "refused " + l.remote() + ": already chatting"));
            l.send(PeerCodec.encode(PeerCodec.envelope(me).setRefusal(Refusal.newBuilder().setCode("peer.busy")
                    .setMessage("this peer is already chatting with someone else; try again later")).build()), () -> { });
            l.finish();
            return;
        }
        link = l;
        session = s;
        s.start();
        String reason = l.readLoop(s);
        s.close(reason);
        chat.detach(s);
        l.finish();
        if (!closing) {
            observer.network(new NetworkEvent(NetworkEvent.Kind.LISTENING, "waiting for the next peer on " + address()));
        }
    }
}
