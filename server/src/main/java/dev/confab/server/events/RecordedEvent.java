package dev.confab.server.events;

import dev.confab.server.accounts.AccountId;
import java.time.Instant;

/**
 * An event as stored in a recipient's log: its per-recipient {@code seq} (gap-free, strictly
 * increasing), time, type name and JSON data (as produced by {@link AccountEventEncoder}).
 */
public record RecordedEvent(AccountId recipient, long seq, Instant at, String type, String data) {
}
