package dev.confab.server.cluster.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.server.accounts.TicketStore;
import dev.confab.server.accounts.TicketStoreContract;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link RedisTicketStore} against the test Redis; skipped when there is none. */
class RedisTicketStoreTest extends TicketStoreContract {

    private static TestRedisLink redis;
    private static RedisLink link;

    @BeforeAll
    static void connect() {
        redis = TestRedisLink.open();
        link = redis.link();
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected TicketStore store(Clock clock) {
        return new RedisTicketStore(link, clock);
    }

    @Test
    void keepsATicketUnderItsKeyUntilItExpires() {
        String key = newKey();
        Clock system = Clock.systemUTC();
        new RedisTicketStore(link, system).put(key, session("d"), system.instant().plusMillis(300));
        String redisKey = link.key("ticket", key);

        long ttl = link.call(Request.cmd(Command.PTTL).arg(redisKey)).toLong();
        assertThat(ttl).isPositive().isLessThanOrEqualTo(300);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                link.call(Request.cmd(Command.EXISTS).arg(redisKey)).toLong() == 0);
    }
}
