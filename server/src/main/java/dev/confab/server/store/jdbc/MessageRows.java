package dev.confab.server.store.jdbc;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.conversations.ConversationId;
import dev.confab.server.messages.Message;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Selects and reads {@link Message} columns of the {@code messages} table. */
final class MessageRows {

    private static final List<String> NAMES = List.of("id", "conversation_id", "seq", "sender_id",
            "sender_device_id", "client_message_id", "content_type", "body", "sent_at", "withheld");

    private MessageRows() {
    }

    /** The select list for a {@code messages} table aliased {@code tableAlias}, labelled {@code labelPrefix + name}. */
    static String columns(String tableAlias, String labelPrefix) {
        return NAMES.stream()
                .map(name -> tableAlias + "." + name + " AS " + labelPrefix + name)
                .collect(Collectors.joining(", "));
    }

    /** The message in the current row, selected with {@link #columns} and the same label prefix. */
    static Message read(ResultSet row, String labelPrefix) throws SQLException {
        return new Message(row.getLong(labelPrefix + "id"),
                new ConversationId(row.getLong(labelPrefix + "conversation_id")),
                row.getLong(labelPrefix + "seq"),
                new AccountId(row.getLong(labelPrefix + "sender_id")),
                row.getString(labelPrefix + "sender_device_id"),
                row.getString(labelPrefix + "client_message_id"),
                row.getString(labelPrefix + "content_type"),
                row.getString(labelPrefix + "body"),
                Instant.ofEpochMilli(row.getLong(labelPrefix + "sent_at")),
                row.getBoolean(labelPrefix + "withheld"));
    }
}
