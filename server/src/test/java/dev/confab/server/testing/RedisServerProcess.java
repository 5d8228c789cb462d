package dev.confab.server.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private redis-server process a test can kill and start again on the same port, for outage tests
 * that must not disturb the machine's shared Redis. Keeps nothing on disk, so a restart comes back
 * empty, as a Redis that lost its memory would. Skips (or fails under CONFAB_REQUIRE_SERVICES=true)
 * when no redis-server binary is installed.
 */
public final class RedisServerProcess implements AutoCloseable {
    private final String binary;
    private final int port;
    private Process process;

    private RedisServerProcess(String binary, int port) {
        this.binary = binary;
        this.port = port;
    }

    public static RedisServerProcess start() {
        String binary = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server").stream()
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        if (binary == null) {
            TestDatabases.serviceMissing("no redis-server binary to run a private Redis");
        }
        RedisServerProcess redis = new RedisServerProcess(binary, freePort());
        redis.startAgain();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts redis-server on this object's port and waits until it accepts connections. */
    public void startAgain() {
        try {
            process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start redis-server", e);
        }
        org.awaitility.Awaitility.await("redis-server on port " + port).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50)).until(() -> accepts() || !process.isAlive());
        if (!process.isAlive()) {
            throw new IllegalStateException("redis-server exited at start (port " + port + ")");
        }
    }

    /** SIGKILL: everything in it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            kill();
        }
    }
}
