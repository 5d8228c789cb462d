package dev.confab.cli.peer;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of the chat pane as it stands now; a new entry with the same id replaces the previous one.
 *
 * @param sender display name of the author ("me" for this side)
 * @param rtt    round trip of the acknowledged transmission; null unless ACKED
 * @param detail why a message FAILED, or null
 */
public record ChatEntry(UUID id, Instant time, String sender, boolean mine, byte[] payload, MessageStatus status,
                        Duration rtt, String detail) {
    ChatEntry with(MessageStatus newStatus, Duration newRtt, String newDetail) {
        return new ChatEntry(id, time, sender, mine, payload, newStatus, newRtt, newDetail);
    }
}
