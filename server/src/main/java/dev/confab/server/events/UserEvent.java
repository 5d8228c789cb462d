package dev.confab.server.events;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.messages.Message;
import java.time.Instant;

/** Something that happened which live connections of some users should hear about. */
public sealed interface UserEvent {

    /** The live connection that caused this event and should not receive it (opaque), or null. */
    default Object skipConnection() {
        return null;
    }

    /**
     * A message was committed. The connection it came over already has it in its ack, so it is skipped;
     * every other connection of every member, the sender's included, receives it.
     */
    record MessagePosted(Message message, Object origin) implements UserEvent {
        @Override
        public Object skipConnection() {
            return origin;
        }
    }

    /** An entry was appended to the recipient's event log (already committed). */
    record AccountEventRecorded(RecordedEvent event) implements UserEvent {
    }

    /** A member's delivered/read position moved in a conversation. */
    record ReceiptMoved(dev.confab.server.conversations.ConversationId conversation,
                        dev.confab.server.conversations.ReceiptPosition position) implements UserEvent {
    }

    /** A member started (or keeps) typing; shown for {@code showForMillis}. */
    record TypingStarted(dev.confab.server.conversations.ConversationId conversation, AccountId account,
                         long showForMillis) implements UserEvent {
    }

    /** A user came online ({@code online}) or went offline (then {@code lastSeenAt} is set). */
    record PresenceChanged(AccountId account, String username, boolean online, Instant lastSeenAt) implements UserEvent {
    }
}
