package dev.confab.cli.chat;

import java.time.Instant;

/**
 * A message the user sent from this chat that has no stored copy in the view yet: in flight, queued,
 * or failed. Keyed by its client message id, which a retry reuses so the server stores it once.
 *
 * @param conversationId the conversation, or null for a first direct message to {@code toUser}
 * @param toUser         the username of a direct conversation that does not exist yet, or null
 * @param failure        why the server refused it (translated), or null while it is on its way
 */
record OwnSend(String clientMessageId, Long conversationId, String toUser, String body, Instant at, String failure) {

    boolean failed() {
        return failure != null;
    }

    OwnSend failedWith(String reason) {
        return new OwnSend(clientMessageId, conversationId, toUser, body, at, reason);
    }

    OwnSend retried() {
        return new OwnSend(clientMessageId, conversationId, toUser, body, at, null);
    }
}
