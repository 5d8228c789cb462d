package dev.confab.server.messages;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationId;
import java.time.Instant;

/**
 * A committed message. {@code seq} is gap-free and strictly increasing within its conversation.
 * {@code senderDeviceId} and {@code clientMessageId} form, with the sender, the idempotency key. A
 * {@code withheld} message was sent by someone the other member had blocked: only its sender sees it;
 * everyone else sees a content-free placeholder at its seq.
 */
public record Message(long id, ConversationId conversationId, long seq, AccountId senderId, String senderDeviceId,
                      String clientMessageId, String contentType, String body, Instant sentAt, boolean withheld) {

    /** Content type of the placeholder others see in place of a withheld message. */
    public static final String WITHHELD_CONTENT_TYPE = "application/vnd.confab.withheld";

    /** This message as {@code viewer} may see it: withheld messages of others become empty placeholders. */
    public Message visibleTo(AccountId viewer) {
        if (!withheld || senderId.equals(viewer)) {
            return this;
        }
        return new Message(id, conversationId, seq, senderId, senderDeviceId, clientMessageId, WITHHELD_CONTENT_TYPE,
                "", sentAt, true);
    }
}
