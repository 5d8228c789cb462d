package dev.confab.cli.chat;

import dev.confab.cli.client.CliContext;
import dev.confab.cli.client.ClientOptions;
import dev.confab.cli.client.ClientSetup;
import dev.confab.client.BackoffPolicy;
import dev.confab.client.ConnectionOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.jline.builtins.ScreenTerminal;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * Runs the real chat on a terminal made of pipes: keystrokes go in as bytes, and the bytes the chat
 * writes go through a VT100 emulator ({@link ScreenTerminal}), so a test reads the screen a person
 * would see, wide characters and cursor movements included.
 */
final class ChatDriver implements AutoCloseable {
    private final Keystrokes keys = new Keystrokes();
    private final ScreenTerminal screen;
    private final ExternalTerminal terminal;
    private final CompletableFuture<Integer> exit;

    ChatDriver(Path home, String server, String lang, int columns, int rows) {
        try {
            screen = new ScreenTerminal(columns, rows);
            terminal = new ExternalTerminal("test", "xterm-256color", keys, new ScreenStream(screen), StandardCharsets.UTF_8);
            terminal.setSize(new Size(columns, rows));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CliContext context = new CliContext(Map.of("CONFAB_HOME", home.toString(), "CONFAB_SERVER", server,
                "CONFAB_LANG", lang), new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), home, Locale.ENGLISH, prompt -> null);
        ClientSetup setup = new ClientSetup(context, new ClientOptions());
        ConnectionOptions options = ConnectionOptions.defaults()
                .withBackoff(new BackoffPolicy(Duration.ofMillis(100), Duration.ofMillis(500), 2.0));
        exit = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("chat " + home.getFileName()).start(() -> {
            try {
                exit.complete(ChatApp.run(setup, terminal, options, ZoneOffset.UTC));
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            }
        });
    }

    /** Types text (or control characters) as keystrokes. */
    ChatDriver type(String text) {
        keys.add(text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Types a line and Enter. */
    ChatDriver enter(String line) {
        return type(line + "\r");
    }

    /** The screen as text, one line per row. */
    String screen() {
        return screen.toString();
    }

    /** The row the input line is on (the last one). */
    String inputRow() {
        String[] rows = screen().split("\n");
        return rows[rows.length - 1];
    }

    void resize(int columns, int rows) {
        screen.setSize(columns, rows);
        terminal.setSize(new Size(columns, rows));
        terminal.raise(Terminal.Signal.WINCH);
    }

    CompletableFuture<Integer> exit() {
        return exit;
    }

    @Override
    public void close() throws IOException {
        keys.close();
        terminal.close();
    }

    /**
     * The keyboard: bytes typed by any thread, read by the terminal's input thread. Unlike a pipe it
     * does not break when the thread that last typed ends (Awaitility types from its own threads).
     */
    private static final class Keystrokes extends InputStream {
        private static final int END = -1;
        private final LinkedBlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();

        void add(byte[] typed) {
            for (byte b : typed) {
                bytes.add(b & 0xff);
            }
        }

        @Override
        public int read() throws IOException {
            try {
                int b = bytes.take();
                if (b == END) {
                    bytes.add(END);
                }
                return b;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException();
            }
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int first = read();
            if (first == END) {
                return END;
            }
            into[offset] = (byte) first;
            int n = 1;
            while (n < length && bytes.peek() != null && bytes.peek() != END) {
                into[offset + n++] = (byte) (int) bytes.poll();
            }
            return n;
        }

        @Override
        public int available() {
            return bytes.size();
        }

        @Override
        public void close() {
            bytes.add(END);
        }
    }

    /** Decodes the chat's UTF-8 output (split anywhere) and feeds it to the emulator. */
    private static final class ScreenStream extends OutputStream {
        private final ScreenTerminal screen;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        private final ByteBuffer pending = ByteBuffer.allocate(1 << 16);

        ScreenStream(ScreenTerminal screen) {
            this.screen = screen;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = 0; i < length; i++) {
                if (!pending.hasRemaining()) {
                    drain();
                }
                pending.put(bytes[offset + i]);
            }
            drain();
        }

        private void drain() {
            pending.flip();
            CharBuffer chars = CharBuffer.allocate(pending.remaining() + 1);
            decoder.decode(pending, chars, false);
            pending.compact();
            chars.flip();
            if (chars.hasRemaining()) {
                screen.write(chars);
            }
        }
    }
}
