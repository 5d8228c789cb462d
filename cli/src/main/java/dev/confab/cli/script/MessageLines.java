package dev.confab.cli.script;

import dev.confab.cli.client.MessageText;
import dev.confab.cli.client.Texts;
import dev.confab.cli.client.UserNames;
import dev.confab.protocol.model.MessageView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One message as one line of plain output: local time, where (optional), sender and text. */
final class MessageLines {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final MessageText text;
    private final UserNames names;

    MessageLines(Texts texts, MessageText text, UserNames names) {
        this.text = text;
        this.names = names;
    }

    /** {@code [time] where sender: text}, or {@code [time] where * sentence} for a system message. */
    String line(MessageView message, String where) {
        String time = "[" + TIME.format(message.sentAt().atZone(ZoneId.systemDefault())) + "] ";
        String place = where == null ? "" : where + " ";
        String body = text.body(message).replace("\n", "\n    ");
        if (MessageText.isSystem(message)) {
            return time + place + "* " + body;
        }
        return time + place + names.name(message.senderId()) + ": " + body;
    }
}
