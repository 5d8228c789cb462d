package dev.confab.cli.peer;

import java.time.Duration;

/**
 * The limits and timings of {@code confab peer}; every one is an option of the command, with the
 * defaults below (documented in docs/peer.md).
 *
 * @param name             display name sent to the other side (may be empty)
 * @param maxFrameBytes    largest TCP frame body (one encoded envelope) accepted or sent
 * @param maxDatagramBytes largest UDP datagram (one encoded envelope) accepted or sent
 * @param ackTimeout       over TCP, a message not acknowledged within this time is FAILED
 * @param firstRetransmit  over UDP, the wait before the first retransmission; doubled after each one
 * @param maxRetransmit    over UDP, the longest wait between two retransmissions
 * @param retries          over UDP, retransmissions before a message is FAILED
 */
public record PeerSettings(String name, int maxFrameBytes, int maxDatagramBytes, Duration ackTimeout,
                           Duration firstRetransmit, Duration maxRetransmit, int retries) {
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
    /** The largest UDP payload IPv4 can carry (65,535 minus the IP and UDP headers). */
    public static final int DEFAULT_MAX_DATAGRAM_BYTES = 65_507;
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_FIRST_RETRANSMIT = Duration.ofMillis(250);
    public static final Duration DEFAULT_MAX_RETRANSMIT = Duration.ofSeconds(2);
    public static final int DEFAULT_RETRIES = 8;
    /** Headroom between a payload and the envelope that carries it: ids, timestamp, tags, lengths. */
    public static final int ENVELOPE_OVERHEAD_BYTES = 160;

    public PeerSettings {
        if (maxFrameBytes < 1024 || maxDatagramBytes < 512 || maxDatagramBytes > DEFAULT_MAX_DATAGRAM_BYTES) {
            throw new IllegalArgumentException("--max-frame must be at least 1024 and --max-datagram between 512 and "
                    + DEFAULT_MAX_DATAGRAM_BYTES);
        }
        if (retries < 0 || ackTimeout.isNegative() || ackTimeout.isZero() || firstRetransmit.isNegative()
                || firstRetransmit.isZero() || maxRetransmit.compareTo(firstRetransmit) < 0) {
            throw new IllegalArgumentException("--retries must be >= 0, timeouts positive, --max-retransmit >= --first-retransmit");
        }
    }

    public static PeerSettings defaults(String name) {
        return new PeerSettings(name, DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_DATAGRAM_BYTES, DEFAULT_ACK_TIMEOUT,
                DEFAULT_FIRST_RETRANSMIT, DEFAULT_MAX_RETRANSMIT, DEFAULT_RETRIES);
    }

    /**
     * How long a message may go unacknowledged in all before it fails: over datagrams the sum of every
     * retransmission wait (about 14 s by default), over a stream the ack timeout.
     */
    public Duration patience(boolean datagram) {
        if (!datagram) {
            return ackTimeout;
        }
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt <= retries + 1; attempt++) {
            total = total.plus(retransmitDelay(attempt));
        }
        return total;
    }

    /** The wait after transmission number {@code attempt} (1-based) before the next one. */
    public Duration retransmitDelay(int attempt) {
        Duration d = firstRetransmit.multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(maxRetransmit) > 0 ? maxRetransmit : d;
    }
}
