package dev.confab.server.cluster.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.server.testing.TestRedis;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link RedisSubscriber} against a real Redis. */
class RedisSubscriberTest {

    /**
     * The liveness probe is a PING on the subscribed connection. Bus messages that Redis sends before the
     * PING's answer arrive while the PING waits, and the first of them used to be taken as its answer and
     * dropped, silently: a live push lost with no resync. Here messages flow while probes run.
     */
    @Test
    void messagesThatArriveWhileAProbeWaitsAreDeliveredInOrder() throws Exception {
        try (TestRedisLink redis = TestRedisLink.open()) {
            String channel = redis.link().key("bus");
            List<String> got = new CopyOnWriteArrayList<>();
            RedisSubscriber subscriber = new RedisSubscriber(redis.vertx(), TestRedis.url(), channel,
                    Duration.ofSeconds(5), got::add, () -> { });
            try {
                subscriber.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> redis.link()
                        .call(Request.cmd(Command.PUBLISH).arg(channel).arg("ready")).toLong() == 1);
                got.clear();

                List<String> sent = new ArrayList<>();
                for (int batch = 0; batch < 200; batch++) {
                    List<Request> publishes = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        String text = "m" + sent.size();
                        sent.add(text);
                        publishes.add(Request.cmd(Command.PUBLISH).arg(channel).arg(text));
                    }
                    redis.link().batch(publishes);
                    subscriber.probe();
                    subscriber.probe();
                }

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(got).containsExactlyElementsOf(sent));
            } finally {
                subscriber.close();
            }
        }
    }
}
