package dev.confab.server.conversations;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.cluster.EventBus;
import dev.confab.server.events.UserEvent;
import dev.confab.server.messages.Message;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Writes membership changes into the timeline and delivers them: inside a transaction
 * {@link #note} appends the system message; after commit {@link #deliver} pushes the committed
 * messages to the audience the work named (members before and after the change, so the people removed
 * or leaving hear of it too).
 */
public final class Timeline {
    private final SystemNoticeEncoder encoder;
    private final EventBus bus;
    private final MemberCache members;

    public Timeline(SystemNoticeEncoder encoder, EventBus bus, MemberCache members) {
        this.encoder = encoder;
        this.bus = bus;
        this.members = members;
    }

    /** The result of a membership change and who should hear of it. */
    public record Outcome<R>(R value, Collection<AccountId> audience) {
    }

    Message note(MembershipWrites tx, ConversationId conversation, SystemNotice notice, Instant at) {
        return tx.appendSystemMessage(conversation, notice.actor(), encoder.encode(notice), at);
    }

    /**
     * After commit: forgets the cached members of {@code changed} (null for a conversation just created)
     * and of every conversation that got a system message, then pushes the messages.
     */
    <R> R deliver(ConversationId changed, MembershipStore.Committed<Outcome<R>> committed) {
        List<Message> messages = committed.systemMessages();
        if (changed != null) {
            members.invalidate(changed);
        }
        messages.forEach(m -> members.invalidate(m.conversationId()));
        for (Message m : messages) {
            bus.publish(committed.result().audience(), new UserEvent.MessagePosted(m, null));
        }
        return committed.result().value();
    }
}
