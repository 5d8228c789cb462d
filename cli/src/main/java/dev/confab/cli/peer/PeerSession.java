package dev.confab.cli.peer;

import com.google.protobuf.ByteString;
import dev.confab.protocol.peer.Ack;
import dev.confab.protocol.peer.Bye;
import dev.confab.protocol.peer.ChatMessage;
import dev.confab.protocol.peer.Hello;
import dev.confab.protocol.peer.PeerCodec;
import dev.confab.protocol.peer.PeerEnvelope;
import dev.confab.protocol.peer.PeerWireException;
import dev.confab.protocol.peer.Refusal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The peer protocol engine for one conversation with one other side, independent of sockets: it
 * turns user sends, received envelopes and timer ticks into envelopes for its {@link Link} and
 * entries for its {@link PeerObserver}.
 *
 * <p>Contract: every received chat message is acknowledged (repeats too, since an ack may be lost)
 * and shown once; an outgoing message goes SENDING → SENT → ACKED with the round trip of the
 * acknowledged transmission, or FAILED. Over a {@link Mode#DATAGRAM} link it is retransmitted with
 * doubling delays ({@link PeerSettings#retransmitDelay}) until acked or out of retries, and Hellos are
 * repeated until the other side answers. Over a {@link Mode#STREAM} link nothing is retransmitted and
 * a message not acked within {@link PeerSettings#ackTimeout} fails, and so does a connection that
 * sends no Hello within that time (it would otherwise hold a one-peer listener). Thread-safe: every method takes the
 * session's lock; {@link #tick} must be called periodically (every few tens of milliseconds).
 */
public final class PeerSession {
    public enum Mode { STREAM, DATAGRAM }

    /** Told when the session is over for its transport: the peer left, refused us, or sent bad input. */
    public interface Ending {
        /** @param refusedByPeer true when the other side refused this one (e.g. busy, other version) */
        void ended(String reason, boolean refusedByPeer);
    }

    private final UUID me;
    private final Mode mode;
    private final PeerSettings settings;
    private final Link link;
    private final PeerObserver observer;
    private final PeerClock clock;
    private final Ending ending;
    private final SeenIds seen = new SeenIds();
    private final Map<UUID, Outgoing> outgoing = new LinkedHashMap<>();
    private UUID remoteId;
    private String remoteName = "";
    private int remoteMax = Integer.MAX_VALUE;
    private int hellos;
    private long nextHelloNanos;
    private long startedNanos;
    private boolean closed;
    private long bytesIn, bytesOut, messagesIn, messagesOut, retransmits, duplicates;

    public PeerSession(UUID me, Mode mode, PeerSettings settings, Link link, PeerObserver observer, PeerClock clock,
                       Ending ending) {
        this.me = me;
        this.mode = mode;
        this.settings = settings;
        this.link = link;
        this.observer = observer;
        this.clock = clock;
        this.ending = ending;
        this.startedNanos = clock.nanos(); // the session may be ticked before start()
    }

    /** Introduces this side; over datagrams the Hello is repeated by {@link #tick} until answered. */
    public synchronized void start() {
        sendHello(false);
    }

    /** Queues a message: sent now if the other side is known, else as soon as it is. */
    public synchronized void send(UUID id, Instant time, byte[] payload) {
        Outgoing o = new Outgoing(new ChatEntry(id, time, "me", true, payload, MessageStatus.SENDING, null, null), payload, clock.nanos());
        observer.chat(o.entry);
        int size = chat(o, 1).getSerializedSize();
        if (closed) {
            fail(o, "not connected");
        } else if (size > link.maxEnvelopeBytes()) {
            fail(o, link.tooBig(size));
        } else {
            outgoing.put(id, o);
            if (remoteId != null) {
                transmit(o);
            }
        }
    }

    /** Handles one received envelope (a frame body or a datagram). Bad input is refused, never thrown. */
    public synchronized void receive(byte[] bytes) {
        if (closed) {
            return;
        }
        PeerEnvelope envelope;
        try {
            envelope = PeerCodec.decode(bytes);
        } catch (PeerWireException e) {
            refuse(e);
            return;
        }
        bytesIn += bytes.length;
        observer.network(new NetworkEvent(NetworkEvent.Kind.BYTES, "← " + envelope.getBodyCase().name().toLowerCase(java.util.Locale.ROOT)
                + " " + Traffic.bytes(bytes.length)));
        switch (envelope.getBodyCase()) {
            case HELLO -> onHello(envelope);
            case CHAT -> onChat(envelope);
            case ACK -> onAck(envelope.getAck());
            case BYE -> onBye(envelope);
            case REFUSAL -> onRefusal(envelope.getRefusal());
            default -> refuse(new PeerWireException(PeerWireException.Kind.MALFORMED, "peer message of an unknown kind"));
        }
    }

    /**
     * Refuses input that breaks the protocol (also called by transports for framing errors): tells the
     * other side why, reports it, and over a stream ends the session. Datagram sessions go on: one bad
     * datagram does not end a conversation.
     */
    public synchronized void refuse(PeerWireException e) {
        observer.network(new NetworkEvent(NetworkEvent.Kind.ERROR, "refused input from " + link.remote() + ": "
                + e.getMessage() + (mode == Mode.STREAM ? "; disconnecting" : "; datagram dropped")));
        link.send(PeerCodec.encode(PeerCodec.envelope(me).setRefusal(Refusal.newBuilder()
                .setCode(e.kind().code()).setMessage(e.getMessage())).build()), () -> { });
        if (mode == Mode.STREAM) {
            close("refused its input: " + e.getMessage());
            ending.ended(e.getMessage(), false);
        }
    }

    /** Retransmits, repeats Hellos and fails overdue messages. */
    public synchronized void tick() {
        if (closed) {
            return;
        }
        long now = clock.nanos();
        if (mode == Mode.DATAGRAM && remoteId == null && now - nextHelloNanos >= 0) {
            sendHello(false);
        }
        if (mode == Mode.STREAM && remoteId == null && now - startedNanos > settings.ackTimeout().toNanos()) {
            refuse(new PeerWireException(PeerWireException.Kind.SILENT, "no Hello within "
                    + settings.ackTimeout().toMillis() + " ms of connecting"));
            return;
        }
        for (Outgoing o : new ArrayList<>(outgoing.values())) {
            if (o.waiting() || now - o.deadlineNanos < 0) {
                continue;
            }
            if (mode == Mode.DATAGRAM && o.attempts() <= settings.retries()) {
                retransmits++;
                observer.network(new NetworkEvent(NetworkEvent.Kind.RETRANSMIT, "retransmitting " + shortId(o.entry.id())
                        + " (attempt " + (o.attempts() + 1) + " of " + (settings.retries() + 1) + ")"));
                transmit(o);
            } else {
                fail(o, mode == Mode.DATAGRAM ? "no ack after " + settings.retries() + " retransmissions"
                        : "no ack within " + settings.ackTimeout().toMillis() + " ms");
            }
        }
    }

    /**
     * Called (repeatedly) once input has ended. A message still waiting for a peer is given as long as
     * a transmitted one would get ({@link PeerSettings#patience}) from when it was sent, then fails.
     * Returns true when nothing is left in flight, so the caller may {@link #leave}.
     */
    public synchronized boolean drained() {
        long now = clock.nanos();
        long patience = settings.patience(mode == Mode.DATAGRAM).toNanos();
        for (Outgoing o : new ArrayList<>(outgoing.values())) {
            if (o.waiting() && now - o.queuedNanos > patience) {
                fail(o, "no peer answered");
            }
        }
        return outgoing.isEmpty();
    }

    /** Says goodbye to the other side (best effort) and closes. */
    public synchronized void leave(String reason) {
        if (!closed && remoteId != null) {
            link.send(PeerCodec.encode(PeerCodec.envelope(me).setBye(Bye.newBuilder().setReason(reason)).build()), () -> { });
        }
        close(reason);
    }

    /** The transport is gone (or the session was left): messages in flight fail, the disconnect is reported. */
    public synchronized void close(String reason) {
        if (closed) {
            return;
        }
        closed = true;
        for (Outgoing o : new ArrayList<>(outgoing.values())) {
            fail(o, "disconnected before an ack");
        }
        if (remoteId != null) {
            observer.network(new NetworkEvent(NetworkEvent.Kind.DISCONNECTED, "disconnected from " + remoteLabel()
                    + ": " + reason + " (" + traffic() + ")"));
        }
    }

    public synchronized boolean closed() {
        return closed;
    }

    public synchronized boolean connected() {
        return remoteId != null && !closed;
    }

    public synchronized Traffic traffic() {
        return new Traffic(bytesIn, bytesOut, messagesIn, messagesOut, retransmits, duplicates);
    }

    private void onHello(PeerEnvelope envelope) {
        Hello hello = envelope.getHello();
        remember(envelope, hello.getName());
        remoteMax = hello.getMaxEnvelopeBytes() == 0 ? Integer.MAX_VALUE : hello.getMaxEnvelopeBytes();
        if (!hello.getReply()) {
            sendHello(true);
        }
        outgoing.values().stream().filter(Outgoing::waiting).toList().forEach(this::transmit);
    }

    private void onChat(PeerEnvelope envelope) {
        remember(envelope, null);
        ChatMessage chat = envelope.getChat();
        UUID id = PeerCodec.uuid(chat.getMessageId());
        envelope(PeerCodec.envelope(me).setAck(Ack.newBuilder().setMessageId(chat.getMessageId())
                .setAttempt(chat.getAttempt())).build(), null);
        if (!seen.firstTime(id)) {
            duplicates++;
            observer.network(new NetworkEvent(NetworkEvent.Kind.DUPLICATE, "dropped a repeat of " + shortId(id)
                    + " (acknowledged again)"));
            return;
        }
        messagesIn++;
        observer.chat(new ChatEntry(id, Instant.ofEpochMilli(chat.getSentAtMillis()), remoteLabel(), false,
                chat.getPayload().toByteArray(), MessageStatus.RECEIVED, null, null));
    }

    private void onAck(Ack ack) {
        Outgoing o = outgoing.get(PeerCodec.uuid(ack.getMessageId()));
        if (o == null || ack.getAttempt() < 1 || ack.getAttempt() > o.attempts()) {
            return; // a late repeat of an ack already counted, or one for a message already failed
        }
        outgoing.remove(o.entry.id());
        if (o.entry.status() == MessageStatus.SENDING) {
            update(o, MessageStatus.SENT, null, null);
        }
        Duration rtt = Duration.ofNanos(clock.nanos() - o.sentNanos.get(ack.getAttempt() - 1));
        update(o, MessageStatus.ACKED, rtt, null);
    }

    private void onBye(PeerEnvelope envelope) {
        String reason = envelope.getBye().getReason();
        close(remoteLabel() + " left" + (reason.isEmpty() ? "" : " (" + reason + ")"));
        ending.ended("the other side left", false);
        if (mode == Mode.DATAGRAM) {
            reopen();
        }
    }

    private void onRefusal(Refusal refusal) {
        observer.network(new NetworkEvent(NetworkEvent.Kind.REFUSED, "refused by " + link.remote() + ": "
                + refusal.getMessage() + " [" + refusal.getCode() + "]"));
        close("refused: " + refusal.getMessage());
        ending.ended(refusal.getMessage(), true);
    }

    /** A datagram session outlives a peer that left: it waits for that peer (or a new one) to say Hello. */
    private void reopen() {
        closed = false;
        remoteId = null;
        remoteName = "";
        hellos = 0;
        nextHelloNanos = clock.nanos() + settings.maxRetransmit().toNanos();
    }

    private void remember(PeerEnvelope envelope, String name) {
        UUID sender = PeerCodec.uuid(envelope.getSenderId());
        if (remoteId == null || !remoteId.equals(sender)) {
            boolean restarted = remoteId != null;
            remoteId = sender;
            remoteName = name == null ? "" : name;
            observer.network(new NetworkEvent(NetworkEvent.Kind.CONNECTED, (restarted ? "the peer restarted; now "
                    : "connected to ") + remoteLabel() + " at " + link.remote()));
        } else if (name != null) {
            remoteName = name;
        }
    }

    private void sendHello(boolean reply) {
        hellos++;
        nextHelloNanos = clock.nanos() + settings.retransmitDelay(hellos).toNanos();
        envelope(PeerCodec.envelope(me).setHello(Hello.newBuilder().setName(settings.name()).setReply(reply)
                .setMaxEnvelopeBytes(link.maxEnvelopeBytes())).build(), null);
    }

    private void transmit(Outgoing o) {
        PeerEnvelope envelope = chat(o, o.attempts() + 1);
        int size = envelope.getSerializedSize();
        if (size > remoteMax) {
            fail(o, "too big for the other side: " + size + " bytes, it accepts at most " + remoteMax);
            return;
        }
        long now = clock.nanos();
        o.sentNanos.add(now);
        o.deadlineNanos = now + (mode == Mode.DATAGRAM ? settings.retransmitDelay(o.attempts()) : settings.ackTimeout()).toNanos();
        if (o.attempts() == 1) {
            messagesOut++;
        }
        envelope(envelope, o);
    }

    private void envelope(PeerEnvelope envelope, Outgoing chat) {
        byte[] bytes = PeerCodec.encode(envelope);
        bytesOut += bytes.length;
        observer.network(new NetworkEvent(NetworkEvent.Kind.BYTES, "→ " + envelope.getBodyCase().name().toLowerCase(java.util.Locale.ROOT)
                + " " + Traffic.bytes(bytes.length)));
        link.send(bytes, chat == null ? () -> { } : () -> written(chat));
    }

    private synchronized void written(Outgoing o) {
        if (outgoing.get(o.entry.id()) == o && o.entry.status() == MessageStatus.SENDING) {
            update(o, MessageStatus.SENT, null, null);
        }
    }

    private PeerEnvelope chat(Outgoing o, int attempt) {
        return PeerCodec.envelope(me).setChat(ChatMessage.newBuilder().setMessageId(o.entry.id().toString())
                .setConversationId(conversation().toString()).setSentAtMillis(o.entry.time().toEpochMilli())
                .setAttempt(attempt).setPayload(ByteString.copyFrom(o.payload))).build();
    }

    /** Both sides derive the same conversation id from the two peer ids, whichever order they are in. */
    private UUID conversation() {
        UUID other = remoteId == null ? me : remoteId;
        UUID low = me.compareTo(other) <= 0 ? me : other;
        UUID high = low == me ? other : me;
        ByteBuffer both = ByteBuffer.allocate(32).putLong(low.getMostSignificantBits()).putLong(low.getLeastSignificantBits())
                .putLong(high.getMostSignificantBits()).putLong(high.getLeastSignificantBits());
        return UUID.nameUUIDFromBytes(both.array());
    }

    private void fail(Outgoing o, String why) {
        outgoing.remove(o.entry.id());
        update(o, MessageStatus.FAILED, null, why);
    }

    private void update(Outgoing o, MessageStatus status, Duration rtt, String detail) {
        o.entry = o.entry.with(status, rtt, detail);
        observer.chat(o.entry);
    }

    private String remoteLabel() {
        return remoteName.isBlank() ? "peer-" + shortId(remoteId) : remoteName;
    }

    static String shortId(UUID id) {
        return id == null ? "?" : id.toString().substring(0, 8);
    }
}
