package dev.confab.benchmarks;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real WebSocket clients for the fan-out benchmark, in a child JVM on the loopback interface.
 *
 * <p>They live in their own process because each connection costs a file descriptor at each end: with
 * both ends in the benchmark JVM, 10,000 connections would need more than 20,000 open files in one
 * process, beyond many systems' {@code ulimit -n}. Split, each JVM needs one per connection.
 *
 * <p>The child opens {@code count} connections, to {@code PATH?account=1 .. count}, and reports on its
 * standard output with single bytes: {@link #CONNECTED} once every connection is open, then
 * {@link #ROUND} each time the total of frames received reaches a multiple of {@code count} (one
 * frame per connection: a round of fan-out has arrived everywhere), and {@link #FAILED} when a
 * connection fails or is closed by the server (details on its standard error). It exits when its
 * standard input closes, so it never outlives the benchmark.
 */
public final class LoopbackClients implements AutoCloseable {
    public static final String PATH = "/bench/ws";
    static final int CONNECTED = 'C';
    static final int ROUND = 'R';
    static final int FAILED = 'X';
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

    private final Process process;
    private final InputStream signals;
    /** System.nanoTime() when the pending wait began; 0 when none is pending. Read by the watchdog. */
    private volatile long waitingSince;
    private volatile boolean timedOut;
    private final Thread watchdog;

    private LoopbackClients(Process process) {
        this.process = process;
        this.signals = process.getInputStream();
        this.watchdog = Thread.ofPlatform().daemon().name("loopback-clients-watchdog").start(this::watch);
    }

    /** Starts the child JVM with {@code count} clients of the server on 127.0.0.1:{@code port}. */
    public static LoopbackClients start(int port, int count) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + "/bin/java"));
        command.add("-Xmx1g");
        command.add("-XX:+UseSerialGC");
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // Netty; quiets a warning on newer JDKs
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LoopbackClients.class.getName());
        command.add(Integer.toString(port));
        command.add(Integer.toString(count));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new LoopbackClients(process);
    }

    /** Blocks until every connection is open. */
    public void awaitConnected() throws IOException {
        await(CONNECTED);
    }

    /** Blocks until every connection has received one more frame. */
    public void awaitRound() throws IOException {
        await(ROUND);
    }

    private void await(int expected) throws IOException {
        waitingSince = System.nanoTime();
        int got = signals.read();
        waitingSince = 0;
        if (got == expected) {
            return;
        }
        if (got == FAILED) {
            throw new IllegalStateException("a loopback client failed (its standard error says why)");
        }
        throw new IllegalStateException(timedOut ? "loopback clients timed out (no signal for 120 s)"
                : "loopback clients exited unexpectedly (signal " + got + ")");
    }

    private void watch() {
        while (process.isAlive()) {
            long since = waitingSince;
            if (since != 0 && System.nanoTime() - since > TIMEOUT_NANOS) {
                timedOut = true;
                process.destroyForcibly(); // unblocks the pending read with end of stream
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // the child halts on end of input
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            watchdog.interrupt();
        }
    }

    // ---- the child process ----

    private static final OutputStream OUT = new FileOutputStream(FileDescriptor.out);

    public static void main(String[] args) throws Exception {
        System.setOut(System.err); // standard output carries only the signal bytes
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent never writes; wait for end of input
                }
            } catch (IOException ignored) {
                // parent gone
            }
            Runtime.getRuntime().halt(0);
        });

        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(count + 16).setConnectTimeout(30_000).setTcpNoDelay(true));
        AtomicLong received = new AtomicLong();
        AtomicInteger connected = new AtomicInteger();
        Semaphore inFlight = new Semaphore(128);
        for (int i = 1; i <= count; i++) {
            inFlight.acquire();
            int account = i;
            client.connect(port, "127.0.0.1", PATH + "?account=" + account).onComplete(result -> {
                inFlight.release();
                if (result.failed()) {
                    fail("connection of account " + account + " failed: " + result.cause());
                    return;
                }
                WebSocket socket = result.result();
                socket.handler(frame -> {
                    if (received.incrementAndGet() % count == 0) {
                        signal(ROUND);
                    }
                });
                socket.closeHandler(v -> fail("the server closed the connection of account " + account
                        + " (code " + socket.closeStatusCode() + ", " + socket.closeReason() + ")"));
                if (connected.incrementAndGet() == count) {
                    signal(CONNECTED);
                }
            });
        }
        Thread.currentThread().join(); // ends by halt when the parent closes our input
    }

    private static void fail(String why) {
        System.err.println("loopback clients: " + why);
        signal(FAILED);
    }

    private static synchronized void signal(int b) {
        try {
            OUT.write(b);
            OUT.flush();
        } catch (IOException e) {
            Runtime.getRuntime().halt(1);
        }
    }
}
