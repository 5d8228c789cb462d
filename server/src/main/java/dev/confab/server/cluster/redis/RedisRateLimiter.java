package dev.confab.server.cluster.redis;

import dev.confab.server.limits.LocalRateLimiter;
import dev.confab.server.limits.RateLimiter;
import dev.confab.server.limits.RateSchedule;
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
 * {@link RateLimiter} that keeps each key's {@link RateSchedule} (GCRA) state in Redis, so the limit holds
 * across the cluster. Each call is one round trip: a script that reads
 * {@code <prefix>rate:<name>:<hash of key>}, the key's theoretical arrival time in microseconds, and
 * stores the next one when the event is allowed, expiring when all permits have come back. Times come
 * from the calling node's clock, so nodes need synchronised clocks (NTP). Keys are stored as truncated
 * SHA-256 hashes, never as given.
 *
 * <p>When Redis is unreachable the limiter counts in a {@link LocalRateLimiter} instead, so limits hold
 * per node rather than failing every call; it tries Redis again at most once per {@link #RETRY_AFTER}.
 * One warning is logged per outage. Blocking; thread-safe.
 */
public final class RedisRateLimiter implements RateLimiter {
    /** How long to count locally after Redis failed before asking it again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);
    /** KEYS[1] the key; ARGV now, interval, burst (microseconds). Returns 1 when allowed, else 0. */
    private static final String ACQUIRE_SCRIPT = """
            local now = tonumber(ARGV[1])
            local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
            if tat < now then tat = now end
            local nxt = tat + tonumber(ARGV[2])
            if nxt - now > tonumber(ARGV[3]) then return 0 end
            redis.call('SET', KEYS[1], string.format('%d', nxt), 'PX', math.floor((nxt - now) / 1000) + 1)
            return 1""";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final RedisLink link;
    private final String name;
    private final RateSchedule schedule;
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
        this.schedule = new RateSchedule(permits, window);
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(String key) {
        if (degraded.get() && System.nanoTime() - retryAtNanos < 0) {
            return fallback.tryAcquire(key);
        }
        try {
            boolean allowed = acquireInRedis(key);
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

    private boolean acquireInRedis(String key) {
        String redisKey = link.key("rate", name, hash(key));
        return link.call(Request.cmd(Command.EVAL).arg(ACQUIRE_SCRIPT).arg(1).arg(redisKey)
                .arg(RateSchedule.micros(clock)).arg(schedule.intervalMicros()).arg(schedule.burstMicros())).toLong() == 1;
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
