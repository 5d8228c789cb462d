package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.testing.Backend;
import dev.confab.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * WebSocket compression (permessage-deflate) is refused unless {@code ws.permessage-deflate} turns it on.
 * The upgrade is written by hand, as a browser sends it, so the test sees the raw answer and the first
 * frame's RSV1 bit (set on a compressed message).
 */
class TransportCompressionTest extends ServerTestBase {

    @Override
    Backend backend() {
        return Backend.SQLITE;
    }

    @Test
    void aClientOfferingDeflateGetsUncompressedFramesByDefault() throws IOException {
        Upgrade upgrade = upgradeOfferingDeflate(server.port(), newUser("plain").token());
        assertThat(upgrade.head()).startsWith("HTTP/1.1 101").doesNotContainIgnoringCase("sec-websocket-extensions");
        assertThat(upgrade.firstFrameHeader() & 0xF0).as("FIN, no RSV1").isEqualTo(0x80);
    }

    @Test
    void deflateIsNegotiatedWhenTurnedOn() throws IOException {
        Path own = Files.createDirectories(dir.resolve("deflating"));
        try (TestServer deflating = TestServer.start(Backend.SQLITE, own, Map.of("ws.permessage-deflate", "true"))) {
            String name = uniqueName("deflate");
            String token = deflating.http().registerAndLogin(name, "correct horse " + name, "device-1")
                    .path("token").asText();
            Upgrade upgrade = upgradeOfferingDeflate(deflating.port(), token);
            assertThat(upgrade.head()).startsWith("HTTP/1.1 101").containsIgnoringCase("permessage-deflate");
            assertThat(upgrade.firstFrameHeader() & 0xF0).as("FIN and RSV1").isEqualTo(0xC0);
        }
    }

    /** The 101 answer's status line and headers, and the first byte of the first frame (the greeting). */
    private record Upgrade(String head, int firstFrameHeader) {
    }

    private static Upgrade upgradeOfferingDeflate(int port, String token) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            return new Upgrade(head, in.read());
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the upgrade answer: " + head);
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
