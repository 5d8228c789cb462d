package dev.confab.server.cluster.redis;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.accounts.TicketStore;
import dev.confab.server.errors.StoreUnavailableException;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link TicketStore} shared through Redis, so a ticket issued on one node can be redeemed on any.
 * Each ticket is a string {@code <prefix>ticket:<key>} (the key is the ticket's hash) holding the
 * session as JSON, set with {@code PX} so Redis drops it when it expires; {@link #take} is one
 * {@code GETDEL}, which makes redeeming atomic across the cluster. The expiry is also checked against
 * this node's clock on take. Redis failures become {@link StoreUnavailableException}. Blocking; thread-safe.
 */
public final class RedisTicketStore implements TicketStore {
    private final RedisLink link;
    private final Clock clock;

    public RedisTicketStore(RedisLink link, Clock clock) {
        this.link = link;
        this.clock = clock;
    }

    @Override
    public void put(String key, AuthenticatedSession session, Instant expiresAt) {
        long ttlMillis = expiresAt.toEpochMilli() - clock.millis();
        if (ttlMillis <= 0) {
            return;
        }
        String value = new JsonObject().put("accountId", session.accountId().value())
                .put("username", session.username()).put("sessionId", session.sessionId().value())
                .put("deviceId", session.deviceId()).put("expiresAt", expiresAt.toEpochMilli()).encode();
        call(Request.cmd(Command.SET).arg(link.key("ticket", key)).arg(value).arg("PX").arg(ttlMillis));
    }

    @Override
    public Optional<AuthenticatedSession> take(String key) {
        Response reply = call(Request.cmd(Command.GETDEL).arg(link.key("ticket", key)));
        if (reply == null) {
            return Optional.empty();
        }
        JsonObject json = new JsonObject(reply.toString());
        if (clock.millis() >= json.getLong("expiresAt")) {
            return Optional.empty();
        }
        return Optional.of(new AuthenticatedSession(new AccountId(json.getLong("accountId")),
                json.getString("username"), new SessionId(json.getString("sessionId")), json.getString("deviceId")));
    }

    private Response call(Request request) {
        try {
            return link.call(request);
        } catch (RedisUnavailableException e) {
            throw new StoreUnavailableException("tickets: " + e.getMessage());
        }
    }
}
