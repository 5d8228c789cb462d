package dev.confab.server.events;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.SessionId;
import dev.confab.server.messages.Message;
import java.time.Instant;

/** Something that happened which live connections of some users should hear about. */
public sealed interface UserEvent {

    /** A session whose connections should not receive this event (it caused it), or null. */
    default SessionId skipSession() {
        return null;
    }

    /**
     * A message was committed. The sending session already has it in its ack, so it is skipped; the
     * sender's other sessions receive it.
     */
    record MessagePosted(Message message, SessionId origin) implements UserEvent {
        @Override
        public SessionId skipSession() {
            return origin;
        }
    }

    /** A user came online ({@code online}) or went offline (then {@code lastSeenAt} is set). */
    record PresenceChanged(AccountId account, String username, boolean online, Instant lastSeenAt) implements UserEvent {
    }
}
