package dev.confab.protocol.peer;

/**
 * Peer input that cannot be accepted: not decodable, another wire version, or over a size limit.
 * Stackless: it is an expected condition (a wrong or hostile peer), reported in one line.
 */
public final class PeerWireException extends Exception {
    /** Why the input was refused; {@link #code()} is what goes into a {@code Refusal}. */
    public enum Kind {
        MALFORMED("peer.malformed"),
        VERSION("peer.version"),
        TOO_LARGE("peer.too_large"),
        /** A connection that never introduced itself: it would hold a one-peer listener forever. */
        SILENT("peer.silent");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Kind kind;

    public PeerWireException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
