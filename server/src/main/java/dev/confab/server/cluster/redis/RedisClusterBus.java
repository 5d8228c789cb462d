package dev.confab.server.cluster.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.cluster.EventBus;
import dev.confab.server.cluster.LocalEndpoints;
import dev.confab.server.cluster.SessionEnd;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.events.UserEvent;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster {@link EventBus}: local connections are served at once; every other node hears each
 * call through one Redis pub/sub channel ({@code <prefix>bus}), so a message crosses to each node once,
 * whatever its number of recipients there. The event is encoded once, here; receiving nodes queue the
 * frame text on their own connections of the listed recipients.
 *
 * <p>Redis is only the fast path. When a publish fails, or this node's subscription was down, live
 * pushes may have been missed; once Redis answers again every affected connection gets a {@code resync}
 * frame and catches up from the database by seq. A failed message push names its recipients, so only
 * their connections resync, and a failed session end is published again ({@link MissedPushes}); a lost
 * subscription, or a failed membership change, resyncs every connection and drops the member cache,
 * since invalidations may have been missed too.
 * A node resyncing all its connections spreads the frames over {@code resyncSpread}, so that their
 * catch-up reads do not all reach the database in the same instant.
 */
public final class RedisClusterBus implements EventBus, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisClusterBus.class);

    private final RedisLink link;
    private final String nodeId;
    private final String channel;
    private final LocalEndpoints local;
    private final Consumer<ConversationId> forgetMembers;
    private final Runnable forgetAllMembers;
    private final String resyncFrame;
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int RESYNC_ACCOUNTS_PER_ENVELOPE = 10_000;
    private static final long SPREAD_TICK_MILLIS = 100;
    /** After a failed publish while the link still looks healthy, the targeted resync is sent this much later. */
    private static final long FLUSH_DELAY_MILLIS = 1_000;

    private final Vertx vertx;
    private final MissedPushes missed;
    private final Duration resyncSpread;
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final RedisSubscriber subscriber;
    private final java.util.concurrent.Executor blocking;

    /**
     * @param forgetMembers    drops this node's cached members of one conversation
     * @param forgetAllMembers drops every cached member list
     * @param resyncFrame      the encoded {@code resync} frame
     * @param blocking         runs cache invalidations asked for by other nodes
     * @param resyncSpread     how long a resync of every connection here is spread over (zero: at once)
     * @param resyncMaxAccounts most recipients of failed publishes resynced one by one; past it, everyone
     */
    public RedisClusterBus(Vertx vertx, RedisLink link, String redisUrl, String nodeId, LocalEndpoints local,
                           Consumer<ConversationId> forgetMembers, Runnable forgetAllMembers, String resyncFrame,
                           java.util.concurrent.Executor blocking, Duration resyncSpread, int resyncMaxAccounts) {
        this.vertx = vertx;
        this.missed = new MissedPushes(resyncMaxAccounts);
        this.resyncSpread = resyncSpread;
        this.blocking = blocking;
        this.link = link;
        this.nodeId = nodeId;
        this.channel = link.key("bus");
        this.local = local;
        this.forgetMembers = forgetMembers;
        this.forgetAllMembers = forgetAllMembers;
        this.resyncFrame = resyncFrame;
        this.subscriber = new RedisSubscriber(vertx, redisUrl, channel, link.timeout(), this::received, this::resubscribed);
        link.onReconnected(this::linkRestored);
    }

    /** Subscribes; returns at once (the subscription comes up, and is kept up, in the background). */
    public void start() {
        subscriber.start();
    }

    /** Checks the subscription is alive; called on every heartbeat. */
    public void probe() {
        subscriber.probe();
    }

    @Override
    public void publish(Collection<AccountId> recipients, UserEvent event) {
        if (recipients.isEmpty()) {
            return;
        }
        String frame = local.encoder().apply(event);
        local.deliverFrame(recipients, frame, event.skipConnection());
        long[] to = recipients.stream().mapToLong(AccountId::value).toArray();
        send(BusEnvelope.deliver(nodeId, to, frame));
    }

    @Override
    public void endSessions(Collection<SessionId> sessions, SessionEnd reason, String byDeviceName) {
        if (sessions.isEmpty()) {
            return;
        }
        local.closeSessions(sessions, reason, byDeviceName);
        send(BusEnvelope.endSessions(nodeId, sessions.stream().map(SessionId::value).toList(), reason, byDeviceName));
    }

    @Override
    public void membersChanged(ConversationId conversation) {
        forgetMembers.accept(conversation);
        send(BusEnvelope.membersChanged(nodeId, conversation.value()));
    }

    private void send(BusEnvelope envelope) {
        String text;
        try {
            text = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bus envelope not encodable", e);
        }
        link.send(Request.cmd(Command.PUBLISH).arg(channel).arg(text)).onFailure(e -> {
            boolean firstMiss = missed.isEmpty();
            missed.failed(envelope);
            if (firstMiss) {
                LOG.warn("cluster bus publish failed; the clients concerned on other nodes will resync when Redis"
                        + " answers: {}", e.toString());
            }
            if (link.reachable()) {
                // A failure the link did not take for a loss (an error reply, or one that finished after the
                // reconnect): no reconnect will come to flush it, so flush it after a pause.
                scheduleFlush();
            }
        });
    }

    private void scheduleFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            vertx.setTimer(FLUSH_DELAY_MILLIS, id -> {
                flushScheduled.set(false);
                flushMissed();
            });
        }
    }

    /** Publishes what makes up for failed publishes (see {@link MissedPushes}); one that fails again is recorded again. */
    private void flushMissed() {
        missed.takeMakeUps(nodeId, RESYNC_ACCOUNTS_PER_ENVELOPE).forEach(this::send);
    }

    private void received(String text) {
        BusEnvelope e;
        try {
            e = json.readValue(text, BusEnvelope.class);
        } catch (JsonProcessingException ex) {
            LOG.warn("unreadable cluster bus message ignored: {}", ex.getOriginalMessage());
            return;
        }
        if (nodeId.equals(e.from()) || e.kind() == null) {
            return;
        }
        switch (e.kind()) {
            case DELIVER -> local.deliverFrame(Arrays.stream(e.to()).mapToObj(AccountId::new).toList(), e.frame(), null);
            case END_SESSIONS -> local.closeSessions(e.sessions().stream().map(SessionId::new).toList(),
                    e.reason() == null ? SessionEnd.ENDED : e.reason(), e.device());
            // Off the event loop: forgetting an entry waits for a load of it that is under way.
            case MEMBERS_CHANGED -> blocking.execute(() -> forgetMembers.accept(new ConversationId(e.conversation())));
            case RESYNC -> {
                if (e.to() == null) {
                    resyncLocal();
                } else {
                    local.deliverFrame(Arrays.stream(e.to()).mapToObj(AccountId::new).toList(), resyncFrame, null);
                }
            }
        }
    }

    /** Our subscription was down: whatever other nodes published meanwhile was missed here. */
    private void resubscribed() {
        resyncLocal();
    }

    /** Our publishes failed while Redis was away: tell the other nodes whom to resync (ours were served directly). */
    private void linkRestored() {
        flushMissed();
    }

    /** Every connection here may have missed pushes: drop the member cache and resync them all, spread out. */
    private void resyncLocal() {
        blocking.execute(forgetAllMembers);
        List<AccountId> accounts = local.connectedAccounts();
        long ticks = Math.max(1, resyncSpread.toMillis() / SPREAD_TICK_MILLIS);
        int perTick = (int) Math.max(1, (accounts.size() + ticks - 1) / ticks);
        for (int from = 0, tick = 0; from < accounts.size(); from += perTick, tick++) {
            List<AccountId> slice = accounts.subList(from, Math.min(accounts.size(), from + perTick));
            if (tick == 0) {
                local.deliverFrame(slice, resyncFrame, null);
            } else {
                vertx.setTimer(tick * SPREAD_TICK_MILLIS, id -> local.deliverFrame(slice, resyncFrame, null));
            }
        }
    }

    @Override
    public void close() {
        subscriber.close();
    }
}
