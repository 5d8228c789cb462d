package dev.confab.cli.peer;

import dev.confab.protocol.peer.PeerWireException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * TCP framing of peer envelopes: a 4-byte big-endian unsigned length, then that many bytes of one
 * encoded envelope. A length above the configured maximum is refused before anything is allocated.
 */
final class TcpFraming {
    static final int HEADER_BYTES = 4;

    private TcpFraming() {
    }

    static void write(DataOutputStream out, byte[] body) throws IOException {
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    /**
     * The next frame body, or null when the other side closed cleanly between frames.
     *
     * @throws PeerWireException when the announced length exceeds {@code maxBytes}
     * @throws IOException       when the connection breaks, also in the middle of a frame
     */
    static byte[] read(DataInputStream in, int maxBytes) throws IOException, PeerWireException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        long length = ((long) first << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
        if (length > maxBytes) {
            throw new PeerWireException(PeerWireException.Kind.TOO_LARGE, "a frame of " + length
                    + " bytes exceeds the limit of " + maxBytes + " (--max-frame); is the other side a Confab peer?");
        }
        byte[] body = new byte[(int) length];
        try {
            in.readFully(body);
        } catch (EOFException e) {
            throw new EOFException("the connection closed in the middle of a frame");
        }
        return body;
    }
}
