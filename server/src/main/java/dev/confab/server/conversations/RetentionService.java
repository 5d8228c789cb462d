package dev.confab.server.conversations;

import dev.confab.server.messages.MessageStore;
import java.time.Clock;
import java.time.Instant;

/**
 * Applies each group's and room's retention limits: removes the oldest messages beyond the count limit
 * or older than the age limit. Readers then see the raised lower bound as {@code firstSeq}, never a gap.
 * Run periodically. Blocking.
 */
public final class RetentionService {
    private final MembershipStore memberships;
    private final MessageStore messages;
    private final Clock clock;

    public RetentionService(MembershipStore memberships, MessageStore messages, Clock clock) {
        this.memberships = memberships;
        this.messages = messages;
        this.clock = clock;
    }

    /** Prunes every conversation with a limit; returns how many had messages removed. */
    public int sweep() {
        int pruned = 0;
        for (ConversationDetails d : memberships.withRetention()) {
            ConversationSettings s = d.settings();
            Instant notBefore = s.retentionMaxAge().isZero() ? null : clock.instant().minus(s.retentionMaxAge());
            if (messages.prune(d.id(), s.retentionMaxMessages(), notBefore) > d.minSeq()) {
                pruned++;
            }
        }
        return pruned;
    }
}
