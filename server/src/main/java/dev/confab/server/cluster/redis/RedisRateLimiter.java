package dev.confab.server.cluster.redis;

import dev.confab.server.limits.LocalRateLimiter;
import dev.confab.server.limits.RateLimiter;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RateLimiter} whose fixed windows are counted in Redis, so the limit holds across the cluster.
 * Windows are numbered by this node's clock ({@code millis / window}), so nodes with synchronised clocks
 * share a window. Each call is one round trip: a script that increments
 * {@code <prefix>rate:<name>:<hash of key>:<window index>} and, on the first count, sets it to expire
 * one window after the window ends. Keys are stored as truncated SHA-256 hashes, never as given.
 *
 * <p>When Redis is unreachable the limiter counts in a {@link LocalRateLimiter} instead, so limits hold
 * per node rather than failing every call; it tries Redis again at most once per {@link #RETRY_AFTER}.
 * One warning is logged per outage. Blocking; thread-safe.
 */
public final class RedisRateLimiter implements RateLimiter {
    /** How long to count locally after Redis failed before asking it again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
    private static final String COUNT_SCRIPT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return n""";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final RedisLink link;
    private final String name;
    private final int permits;
    private final long windowMillis;
    private final Clock clock;
    private final LocalRateLimiter fallback;
    private final AtomicBoolean degraded = new AtomicBoolean();
    private volatile long retryAtNanos;

    /**
     * @param name    names this limit in key names and logs ({@code login}, {@code send}); not personal data
     * @param permits events allowed per key and window
     */
    public RedisRateLimiter(RedisLink link, String name, int permits, Duration window, Clock clock) {
        this.fallback = new LocalRateLimiter(permits, window, clock);
        this.link = link;
        this.name = name;
        this.permits = permits;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(String key) {
        if (degraded.get() && System.nanoTime() - retryAtNanos < 0) {
            return fallback.tryAcquire(key);
        }
        try {
            boolean allowed = countInRedis(key) <= permits;
            if (degraded.compareAndSet(true, false)) {
                LOG.info("Rate limit '{}' is counted in Redis again", name);
            }
            return allowed;
        } catch (RedisUnavailableException e) {
            retryAtNanos = System.nanoTime() + RETRY_AFTER.toNanos();
            if (degraded.compareAndSet(false, true)) {
                LOG.warn("Rate limit '{}' is counted on this node only until Redis answers: {}", name, e.getMessage());
            }
            return fallback.tryAcquire(key);
        }
    }

    private long countInRedis(String key) {
        long now = clock.millis();
        long windowIndex = now / windowMillis;
        long expiresIn = (windowIndex + 1) * windowMillis - now + windowMillis;
        String redisKey = link.key("rate", name, hash(key), Long.toString(windowIndex));
        return link.call(Request.cmd(Command.EVAL).arg(COUNT_SCRIPT).arg(1).arg(redisKey).arg(expiresIn)).toLong();
    }

    /** 128 bits of the key's SHA-256, base64url: short, and keeps usernames out of Redis. */
    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
