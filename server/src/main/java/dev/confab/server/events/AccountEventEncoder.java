package dev.confab.server.events;

/**
 * Turns an event into the JSON text stored in the event log and sent to clients as the event's
 * {@code data}. Stateless and thread-safe; the only place that knows the wire form of events.
 */
public interface AccountEventEncoder {

    String encode(AccountEvent event);
}
