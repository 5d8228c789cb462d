package dev.confab.cli.peer;

/**
 * Where a chat message stands. Outgoing: SENDING (accepted, not yet on the wire, e.g. waiting for a
 * peer) → SENT (handed to the network) → ACKED (the other side acknowledged it) or FAILED (too big, no
 * ack in time, the peer left). Incoming messages are RECEIVED.
 */
public enum MessageStatus { SENDING, SENT, ACKED, FAILED, RECEIVED }
