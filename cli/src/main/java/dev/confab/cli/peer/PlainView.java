package dev.confab.cli.peer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * {@code --plain}: for pipes and scripts. Each line of input (bytes up to a newline, which is not sent;
 * a CR before it is dropped too) is one message. Each received payload goes to stdout as it is,
 * followed by a newline. Everything else (status of own messages, network and application events)
 * goes to stderr, one event per line with a tag: [chat], [net], [app].
 */
public final class PlainView implements PeerView {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    public PlainView(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public synchronized void chat(ChatEntry e) {
        if (e.status() == MessageStatus.RECEIVED) {
            out.write(e.payload(), 0, e.payload().length);
            out.write('\n');
            out.flush();
            err.println("[chat] " + ChatText.TIME.format(e.time()) + " " + e.sender() + " " + PeerSession.shortId(e.id())
                    + " RECEIVED " + Traffic.bytes(e.payload().length));
        } else {
            err.println("[chat] " + ChatText.TIME.format(e.time()) + " me " + PeerSession.shortId(e.id()) + " "
                    + ChatText.status(e) + " | " + ChatText.payload(e.payload(), 60));
        }
    }

    @Override
    public synchronized void network(NetworkEvent event) {
        if (!event.kind().chatty()) {
            err.println("[net] " + event.text());
        }
    }

    @Override
    public synchronized void application(String text) {
        err.println("[app] " + text);
    }

    @Override
    public byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            return java.util.Arrays.copyOf(bytes, bytes.length - 1);
        }
        return bytes;
    }

    @Override
    public void close() {
        out.flush();
        err.flush();
    }
}
