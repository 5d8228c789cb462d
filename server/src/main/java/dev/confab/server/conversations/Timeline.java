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

    public Timeline(SystemNoticeEncoder encoder, EventBus bus) {
        this.encoder = encoder;
        this.bus = bus;
    }

    /** The result of a membership change and who should hear of it. */
    public record Outcome<R>(R value, Collection<AccountId> audience) {
    }

    /**
     * The result of a change that appended several system messages, each with an audience of its own:
     * {@code audiences.get(i)} hears of the i-th message appended.
     */
    public record Outcomes<R>(R value, List<? extends Collection<AccountId>> audiences) {
    }

    Message note(MembershipWrites tx, ConversationId conversation, SystemNotice notice, Instant at) {
        return tx.appendSystemMessage(conversation, notice.actor(), encoder.encode(notice), at);
    }

    /**
     * After commit: makes every node forget the cached members of {@code changed} (null for a conversation just created)
     * and of every conversation that got a system message, then pushes the messages.
     */
    <R> R deliver(ConversationId changed, MembershipStore.Committed<Outcome<R>> committed) {
        List<Message> messages = committed.systemMessages();
        if (changed != null) {
            bus.membersChanged(changed);
        }
        messages.stream().map(Message::conversationId).distinct().filter(c -> !c.equals(changed)).forEach(bus::membersChanged);
        for (Message m : messages) {
            bus.publish(committed.result().audience(), new UserEvent.MessagePosted(m, null));
        }
        return committed.result().value();
    }

    /**
     * As {@link #deliver}, for a change of {@code changed} whose messages each go to their own audience
     * (people added one after another hear of the additions from their own on, as when they join one at
     * a time).
     *
     * @throws IllegalStateException when the audiences do not match the messages one to one
     */
    <R> R deliverEach(ConversationId changed, MembershipStore.Committed<Outcomes<R>> committed) {
        List<Message> messages = committed.systemMessages();
        List<? extends Collection<AccountId>> audiences = committed.result().audiences();
        bus.membersChanged(changed);
        if (audiences.size() != messages.size()) {
            throw new IllegalStateException(messages.size() + " messages but " + audiences.size() + " audiences");
        }
        for (int i = 0; i < messages.size(); i++) {
            bus.publish(audiences.get(i), new UserEvent.MessagePosted(messages.get(i), null));
        }
        return committed.result().value();
    }
}
