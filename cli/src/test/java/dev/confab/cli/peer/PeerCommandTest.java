package dev.confab.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.cli.ConfabCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code confab peer --plain} end to end: as two processes over TCP, and as two in-process commands over UDP. */
class PeerCommandTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("\\[net] listening on tcp://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    /** A {@code confab} process with its output collected. */
    private static final class Confab {
        final Process process;
        final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        final StringBuffer stderr = new StringBuffer();

        Confab(String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), ConfabCommand.class.getName()));
            command.addAll(List.of(args));
            process = new ProcessBuilder(command).start();
            pump(process.getInputStream(), stdout::write);
            pump(process.getErrorStream(), b -> stderr.append(new String(b, StandardCharsets.UTF_8)));
        }

        private interface Sink {
            void accept(byte[] bytes) throws IOException;
        }

        private static void pump(InputStream in, Sink sink) {
            Thread.ofVirtual().start(() -> {
                byte[] buffer = new byte[8192];
                try {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        synchronized (sink) {
                            sink.accept(java.util.Arrays.copyOf(buffer, n));
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
        }

        synchronized String out() {
            return stdout.toString(StandardCharsets.UTF_8);
        }

        void type(String text) throws IOException {
            process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        }

        int endInputAndWait() throws Exception {
            process.getOutputStream().close();
            return process.onExit().get(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).exitValue();
        }
    }

    @Test
    void twoProcessesChatOverTcpAndTheListenerOutlivesTheClient() throws Exception {
        Confab lisa = new Confab("peer", "--listen", "tcp://127.0.0.1:0", "--plain", "--name", "lisa");
        try {
            await().atMost(DEADLINE).until(() -> LISTENING.matcher(lisa.stderr).find());
            Matcher m = LISTENING.matcher(lisa.stderr);
            assertThat(m.find()).isTrue();
            String port = m.group(1);
            Path file = dir.resolve("bytes.bin");
            byte[] all = new byte[256];
            for (int i = 0; i < 256; i++) {
                all[i] = (byte) i;
            }
            Files.write(file, all);

            Confab carl = new Confab("peer", "--connect", "tcp://localhost:" + port, "--plain", "--name", "carl",
                    "--send-file", file.toString());
            carl.type("hello lisa\nsecond line, ünïcödé\n");
            lisa.type("hi carl\n");
            await().atMost(DEADLINE).failFast(() -> {
                if (!carl.process.isAlive()) {
                    throw new AssertionError("carl exited early; its stderr:\n" + carl.stderr + "\nlisa's:\n" + lisa.stderr);
                }
                return false;
            }).until(() -> carl.out().contains("hi carl\n"));
            assertThat(carl.endInputAndWait()).as(carl.stderr.toString()).isZero();

            byte[] expected = concat(all, "\nhello lisa\nsecond line, ünïcödé\n".getBytes(StandardCharsets.UTF_8));
            await().atMost(DEADLINE).until(() -> lisa.stderr.toString().contains("disconnected from carl"));
            synchronized (lisa) {
                assertThat(lisa.stdout.toByteArray()).isEqualTo(expected);
            }
            assertThat(Pattern.compile("\\[chat] \\S+ me \\w{8} ACKED \\d+\\.\\d+ m?s \\| hello lisa").matcher(carl.stderr).find())
                    .as(carl.stderr.toString()).isTrue();
            assertThat(carl.stderr.toString()).contains("(256 B of binary data)").contains("connected to lisa");
            assertThat(lisa.stderr.toString()).contains("waiting for the next peer on tcp://127.0.0.1:" + port)
                    .contains("RECEIVED 256 B");
            assertThat(lisa.process.isAlive()).isTrue();
        } finally {
            lisa.process.getOutputStream().close();
            if (!lisa.process.waitFor(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                lisa.process.destroyForcibly();
            }
        }
        assertThat(lisa.process.exitValue()).as(lisa.stderr.toString()).isZero();
    }

    @Test
    void twoCommandsChatOverUdpInProcess() throws Exception {
        int pa = freeUdpPort();
        int pb = freeUdpPort();
        PipedOutputStream annTypes = new PipedOutputStream();
        ByteArrayOutputStream annOut = new ByteArrayOutputStream();
        ByteArrayOutputStream annErr = new ByteArrayOutputStream();
        CompletableFuture<Integer> ann = run(new PipedInputStream(annTypes), annOut, annErr,
                "--local", "udp://127.0.0.1:" + pa, "--remote", "udp://127.0.0.1:" + pb, "--name", "ann");
        annTypes.write("first from ann\n".getBytes(StandardCharsets.UTF_8));
        annTypes.flush();

        PipedOutputStream benTypes = new PipedOutputStream();
        ByteArrayOutputStream benOut = new ByteArrayOutputStream();
        ByteArrayOutputStream benErr = new ByteArrayOutputStream();
        CompletableFuture<Integer> ben = run(new PipedInputStream(benTypes), benOut, benErr,
                "--local", "udp://[::ffff:127.0.0.1]:" + pb, "--remote", "udp://localhost:" + pa, "--name", "ben");
        benTypes.write("reply from ben\n".getBytes(StandardCharsets.UTF_8));
        benTypes.close();
        assertThat(ben.get(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).as(benErr.toString()).isZero();
        await().atMost(DEADLINE).until(() -> annOut.toString(StandardCharsets.UTF_8).equals("reply from ben\n"));
        await().atMost(DEADLINE).until(() -> annErr.toString(StandardCharsets.UTF_8).contains("ben left"));
        annTypes.close();
        assertThat(ann.get(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isZero();

        assertThat(benOut.toString(StandardCharsets.UTF_8)).isEqualTo("first from ann\n");
        assertThat(annErr.toString(StandardCharsets.UTF_8)).containsPattern("ACKED \\d+\\.\\d+ m?s \\| first from ann");
        assertThat(benErr.toString(StandardCharsets.UTF_8)).containsPattern("ACKED \\d+\\.\\d+ m?s \\| reply from ben");
    }

    @Test
    void wrongUsageGetsOneLineAndExitCodeTwo() {
        for (String[] args : new String[][] {{"--connect", "udp://127.0.0.1:9"}, {"--listen", "tcp://nowhere"},
                {"--listen", "tcp://127.0.0.1:1", "--connect", "tcp://127.0.0.1:2"}, {"--local", "udp://127.0.0.1:1"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new CommandLine(new PeerCommand(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8))).execute(withPlain(args));
            assertThat(code).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("confab peer: ").hasLineCount(1);
        }
    }

    private static CompletableFuture<Integer> run(InputStream in, ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        PeerCommand command = new PeerCommand(in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> new CommandLine(command).execute(withPlain(args)));
    }

    private static String[] withPlain(String[] args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--plain";
        return all;
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
