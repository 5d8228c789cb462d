package dev.confab.server.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The machine's Redis for tests. {@link #url} checks that it answers and skips the test when it does not
 * (fails it instead when {@code CONFAB_REQUIRE_SERVICES=true}, as {@link TestDatabases} does).
 *
 * <p>Environment: {@code CONFAB_TEST_REDIS_URL} (default {@code redis://127.0.0.1:6379}; a password in
 * the URL is sent with {@code AUTH}; TLS is not supported here).
 *
 * <p>Tests share one Redis, so each uses keys under its own {@link #newPrefix} and removes them with
 * {@link #deleteKeys} when done.
 */
public final class TestRedis {

    private static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    private static final int TIMEOUT_MILLIS = 2000;

    private TestRedis() {
    }

    /** The test Redis URL, after checking that it answers {@code PING}; aborts or fails the test otherwise. */
    public static String url() {
        String url = configuredUrl();
        Object reply;
        try (Connection redis = new Connection(url)) {
            reply = redis.command("PING");
        } catch (IOException | RuntimeException e) {
            reply = e.toString();
        }
        if (!"PONG".equals(reply)) {
            TestDatabases.serviceMissing("Redis is unreachable at " + url + " (PING: " + reply + ")");
        }
        return url;
    }

    /** A key prefix no other test run uses: {@code confab-test-<epoch seconds>-<random>:}. */
    public static String newPrefix() {
        return "confab-test-" + Instant.now().getEpochSecond() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFF_FFFFL) + ":";
    }

    /** Deletes every key that starts with {@code prefix} ({@code SCAN MATCH} and {@code UNLINK}); returns how many. */
    public static long deleteKeys(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException("refusing to delete every key");
        }
        String pattern = prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*";
        try (Connection redis = new Connection(configuredUrl())) {
            long deleted = 0;
            String cursor = "0";
            do {
                List<?> page = (List<?>) redis.command("SCAN", cursor, "MATCH", pattern, "COUNT", "1000");
                cursor = (String) page.get(0);
                List<String> keys = new ArrayList<>();
                for (Object key : (List<?>) page.get(1)) {
                    keys.add((String) key);
                }
                if (!keys.isEmpty()) {
                    keys.addFirst("UNLINK");
                    deleted += (Long) redis.command(keys.toArray(String[]::new));
                }
            } while (!cursor.equals("0"));
            return deleted;
        } catch (IOException e) {
            throw new IllegalStateException("could not delete test keys under " + prefix, e);
        }
    }

    private static String configuredUrl() {
        String value = System.getenv("CONFAB_TEST_REDIS_URL");
        return value == null || value.isBlank() ? DEFAULT_URL : value;
    }

    /** A bare RESP connection: enough for PING, AUTH, SCAN and UNLINK. */
    private static final class Connection implements AutoCloseable {
        private final Socket socket = new Socket();
        private final OutputStream out;
        private final DataInputStream in;

        Connection(String url) throws IOException {
            URI uri = URI.create(url);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            out = socket.getOutputStream();
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            String userInfo = uri.getUserInfo();
            if (userInfo != null && !userInfo.isEmpty()) {
                int colon = userInfo.indexOf(':');
                command(colon < 0 ? new String[] {"AUTH", userInfo}
                        : colon == 0 ? new String[] {"AUTH", userInfo.substring(1)}
                        : new String[] {"AUTH", userInfo.substring(0, colon), userInfo.substring(colon + 1)});
            }
        }

        /** Sends one command; returns a String, Long, null or List of those. Error replies throw. */
        Object command(String... args) throws IOException {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            for (String arg : args) {
                byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
                request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
                request.writeBytes(bytes);
                request.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(request.toByteArray());
            out.flush();
            return reply();
        }

        private Object reply() throws IOException {
            String line = line(in);
            String rest = line.substring(1);
            return switch (line.charAt(0)) {
                case '+' -> rest;
                case '-' -> throw new IllegalStateException("Redis error: " + rest);
                case ':' -> Long.parseLong(rest);
                case '$' -> {
                    int length = Integer.parseInt(rest);
                    if (length < 0) {
                        yield null;
                    }
                    byte[] bytes = new byte[length + 2];
                    in.readFully(bytes);
                    yield new String(bytes, 0, length, StandardCharsets.UTF_8);
                }
                case '*' -> {
                    int count = Integer.parseInt(rest);
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        items.add(reply());
                    }
                    yield count < 0 ? null : items;
                }
                default -> throw new IOException("unexpected Redis reply: " + line);
            };
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("Redis closed the connection");
                }
                line.write(b);
            }
            byte[] bytes = line.toByteArray();
            return new String(bytes, 0, Math.max(0, bytes.length - 1), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
