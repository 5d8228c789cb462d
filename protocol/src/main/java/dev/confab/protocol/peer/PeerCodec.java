package dev.confab.protocol.peer;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.UUID;

/**
 * Encodes and checks {@link PeerEnvelope}s. Pure functions, no I/O: framing belongs to the transports.
 * {@link #decode} accepts only what a peer of {@link #WIRE_VERSION} may send; anything else is a
 * {@link PeerWireException} with a one-line reason, never a crash.
 */
public final class PeerCodec {
    /** The wire version this build speaks; see confab.proto for when it changes. */
    public static final int WIRE_VERSION = 1;

    private PeerCodec() {
    }

    /** A builder with the version and sender filled in. */
    public static PeerEnvelope.Builder envelope(UUID senderId) {
        return PeerEnvelope.newBuilder().setVersion(WIRE_VERSION).setSenderId(senderId.toString());
    }

    public static byte[] encode(PeerEnvelope envelope) {
        return envelope.toByteArray();
    }

    /**
     * Decodes one envelope. A {@code Refusal} is accepted from any version, so that a peer learns why
     * it was turned away; every other body must come with {@link #WIRE_VERSION}.
     */
    public static PeerEnvelope decode(byte[] bytes) throws PeerWireException {
        PeerEnvelope envelope;
        try {
            envelope = PeerEnvelope.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw malformed("not a Confab peer message (undecodable, " + bytes.length + " bytes)");
        }
        if (envelope.getVersion() == 0) {
            throw malformed("not a Confab peer message (no wire version, " + bytes.length + " bytes)");
        }
        if (envelope.hasRefusal()) {
            return envelope;
        }
        if (envelope.getVersion() != WIRE_VERSION) {
            throw new PeerWireException(PeerWireException.Kind.VERSION, "the other side speaks peer wire version "
                    + envelope.getVersion() + "; this side speaks " + WIRE_VERSION);
        }
        checkUuid(envelope.getSenderId(), "sender id");
        switch (envelope.getBodyCase()) {
            case CHAT -> {
                checkUuid(envelope.getChat().getMessageId(), "message id");
                checkUuid(envelope.getChat().getConversationId(), "conversation id");
            }
            case ACK -> checkUuid(envelope.getAck().getMessageId(), "acknowledged message id");
            case BODY_NOT_SET -> throw malformed("peer message without a body");
            default -> {
            }
        }
        return envelope;
    }

    /** Parses a UUID field that {@link #decode} has already checked. */
    public static UUID uuid(String text) {
        return UUID.fromString(text);
    }

    private static void checkUuid(String text, String what) throws PeerWireException {
        if (text.length() != 36) {
            throw malformed("peer message with an invalid " + what);
        }
        try {
            UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw malformed("peer message with an invalid " + what);
        }
    }

    private static PeerWireException malformed(String message) {
        return new PeerWireException(PeerWireException.Kind.MALFORMED, message);
    }
}
