package dev.confab.cli.peer;

import dev.confab.server.app.config.Durations;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code confab peer}: chat with one other peer directly, over TCP or UDP, with no server. */
@Command(name = "peer", mixinStandardHelpOptions = true,
        description = {"Chats with one other peer directly, with no server.",
                "  confab peer --listen tcp://0.0.0.0:9000              wait for peers, one at a time",
                "  confab peer --connect tcp://HOST:9000                 connect to a listening peer",
                "  confab peer --local udp://0.0.0.0:9001 --remote udp://HOST:9002   symmetric UDP",
                "Every message is acknowledged automatically and shows its round-trip time.",
                "Enter sends a line; Ctrl-D finishes sending and closes; Ctrl-C exits. See docs/peer.md."})
public final class PeerCommand implements Callable<Integer> {
    /** How long Ctrl-D waits for outstanding acknowledgements before closing anyway. */
    static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

    @Option(names = "--listen", paramLabel = "tcp://HOST:PORT", description = "Wait for peers here, one at a time.")
    String listen;
    @Option(names = "--connect", paramLabel = "tcp://HOST:PORT", description = "Connect to a listening peer.")
    String connect;
    @Option(names = "--local", paramLabel = "udp://HOST:PORT", description = "UDP: this side's address.")
    String local;
    @Option(names = "--remote", paramLabel = "udp://HOST:PORT", description = "UDP: the other side's address.")
    String remote;
    @Option(names = "--name", description = "Name shown to the other side (default: your user name).")
    String name = System.getProperty("user.name", "");
    @Option(names = "--plain", description = "Line mode for pipes: stdin lines are sent, received messages go to stdout, events to stderr.")
    boolean plain;
    @Option(names = "--send-file", paramLabel = "PATH", description = "First send this file's bytes as one message.")
    Path sendFile;
    @Option(names = "--max-frame", paramLabel = "BYTES", description = "Largest TCP frame (default ${DEFAULT-VALUE}).")
    int maxFrame = PeerSettings.DEFAULT_MAX_FRAME_BYTES;
    @Option(names = "--max-datagram", paramLabel = "BYTES", description = "Largest UDP datagram (default ${DEFAULT-VALUE}).")
    int maxDatagram = PeerSettings.DEFAULT_MAX_DATAGRAM_BYTES;
    @Option(names = "--ack-timeout", paramLabel = "DURATION", description = "TCP: a message not acked in this time fails (default 10s).")
    String ackTimeout = "10s";
    @Option(names = "--retries", description = "UDP: retransmissions before a message fails (default ${DEFAULT-VALUE}).")
    int retries = PeerSettings.DEFAULT_RETRIES;
    @Option(names = "--first-retransmit", paramLabel = "DURATION", description = "UDP: wait before the first retransmission, doubled each time (default 250ms).")
    String firstRetransmit = "250ms";
    @Option(names = "--max-retransmit", paramLabel = "DURATION", description = "UDP: longest wait between retransmissions (default 2s).")
    String maxRetransmit = "2s";

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    public PeerCommand() {
        this(System.in, System.out, System.err);
    }

    /** For running in-process with other streams (tests). */
    public PeerCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        PeerSettings settings;
        PeerAddress[] addresses;
        try {
            settings = new PeerSettings(name, maxFrame, maxDatagram, Durations.parse(ackTimeout),
                    Durations.parse(firstRetransmit), Durations.parse(maxRetransmit), retries);
            addresses = addresses();
        } catch (IllegalArgumentException e) {
            err.println("confab peer: " + e.getMessage());
            return 2;
        }
        byte[] file = null;
        if (sendFile != null) {
            try {
                file = Files.readAllBytes(sendFile);
            } catch (IOException | OutOfMemoryError e) {
                err.println("confab peer: cannot read " + sendFile + ": " + e.getMessage());
                return 2;
            }
        }
        try (PeerView view = plain ? new PlainView(new BufferedInputStream(in), out, err) : TerminalView.open(settings.name())) {
            UUID me = UUID.randomUUID();
            return new PeerRun(view, settings, me).run(chat -> mode(addresses, me, settings, chat, view), file, sendFile);
        } catch (IOException e) {
            err.println("confab peer: " + e.getMessage());
            return 1;
        }
    }

    private PeerMode mode(PeerAddress[] addresses, UUID me, PeerSettings settings, PeerChat chat, PeerView view) {
        if (addresses.length == 2) {
            return new UdpPeer(addresses[0], addresses[1], me, settings, chat, view, UnaryOperator.identity());
        }
        return listen != null ? new TcpListener(addresses[0], me, settings, chat, view)
                : new TcpConnector(addresses[0], me, settings, chat, view);
    }

    /** [listen] or [connect] or [local, remote], checked. */
    private PeerAddress[] addresses() {
        int modes = (listen != null ? 1 : 0) + (connect != null ? 1 : 0) + (local != null || remote != null ? 1 : 0);
        if (modes != 1) {
            throw new IllegalArgumentException("give exactly one of --listen, --connect, or --local with --remote");
        }
        if (listen != null) {
            return new PeerAddress[] {tcp(listen, "--listen")};
        }
        if (connect != null) {
            return new PeerAddress[] {tcp(connect, "--connect")};
        }
        if (local == null || remote == null) {
            throw new IllegalArgumentException("UDP needs both --local and --remote");
        }
        PeerAddress l = PeerAddress.parse(local);
        PeerAddress r = PeerAddress.parse(remote);
        if (l.transport() != PeerAddress.Transport.UDP || r.transport() != PeerAddress.Transport.UDP) {
            throw new IllegalArgumentException("--local and --remote take udp:// addresses; TCP uses --listen or --connect");
        }
        return new PeerAddress[] {l, r};
    }

    private static PeerAddress tcp(String text, String option) {
        PeerAddress a = PeerAddress.parse(text);
        if (a.transport() != PeerAddress.Transport.TCP) {
            throw new IllegalArgumentException(option + " takes a tcp:// address; UDP uses --local and --remote");
        }
        return a;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PeerCommand()).execute(args));
    }
}
