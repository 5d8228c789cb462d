package dev.confab.server.conversations;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.errors.ConfabException;
import java.time.Instant;

/**
 * A place in a conversation list (ordered by update time, then id, both descending). Its text form,
 * {@code <epoch millis>.<id>}, is the list cursor clients pass back.
 */
public record ConversationPosition(Instant updatedAt, ConversationId id) {

    public static ConversationPosition of(ConversationSummary summary) {
        return new ConversationPosition(summary.updatedAt(), summary.id());
    }

    public String cursor() {
        return updatedAt.toEpochMilli() + "." + id.value();
    }

    /** Parses a cursor; {@code request.invalid} when it is not one this server made. */
    public static ConversationPosition parse(String cursor) {
        int dot = cursor.indexOf('.');
        try {
            return new ConversationPosition(Instant.ofEpochMilli(Long.parseLong(cursor.substring(0, dot))),
                    new ConversationId(Long.parseLong(cursor.substring(dot + 1))));
        } catch (RuntimeException e) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'before' is not a conversation list cursor.");
        }
    }
}
