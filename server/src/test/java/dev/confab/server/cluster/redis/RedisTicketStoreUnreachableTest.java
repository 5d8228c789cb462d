package dev.confab.server.cluster.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.errors.StoreUnavailableException;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link RedisTicketStore} whose Redis is unreachable (a closed port) reports 'unavailable'. Needs no Redis. */
class RedisTicketStoreUnreachableTest {

    private static Vertx vertx;
    private static RedisLink link;

    @BeforeAll
    static void connectToNothing() {
        vertx = Vertx.vertx();
        link = new RedisLink(vertx, "redis://127.0.0.1:1", "confab-unreachable:", Duration.ofMillis(300));
    }

    @AfterAll
    static void close() throws Exception {
        link.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void puttingAndTakingReportUnavailable() {
        Clock clock = Clock.systemUTC();
        RedisTicketStore store = new RedisTicketStore(link, clock);
        AuthenticatedSession alice = new AuthenticatedSession(new AccountId(1), "alice", new SessionId("s"), "d");

        StoreUnavailableException onPut = catchThrowableOfType(StoreUnavailableException.class,
                () -> store.put("key", alice, clock.instant().plusSeconds(30)));
        StoreUnavailableException onTake = catchThrowableOfType(StoreUnavailableException.class,
                () -> store.take("key"));

        assertThat(onPut.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(onTake.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(onPut.detail()).startsWith("tickets: ");
    }
}
