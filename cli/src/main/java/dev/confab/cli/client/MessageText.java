package dev.confab.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.protocol.WireJson;
import dev.confab.protocol.model.MessageView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * How a message reads to a person: its body for text, a translated sentence for a group or room's
 * system message ({@code group.created}, {@code member.invited}… with user ids turned into names), and
 * nothing for a withheld message's placeholder (which clients show discreetly or not at all).
 */
public final class MessageText {
    public static final String SYSTEM = "application/vnd.confab.system+json";
    public static final String WITHHELD = "application/vnd.confab.withheld";
    private static final WireJson JSON = new WireJson();

    private final Texts texts;
    private final LongFunction<String> names;

    /** @param names the name to show for a user id (a username, or {@code #id} when unknown) */
    public MessageText(Texts texts, LongFunction<String> names) {
        this.texts = texts;
        this.names = names;
    }

    public static boolean isSystem(MessageView message) {
        return SYSTEM.equals(message.contentType());
    }

    public static boolean isWithheld(MessageView message) {
        return WITHHELD.equals(message.contentType());
    }

    /** Every user id a message mentions: its sender and, for a system message, its targets. */
    public static List<Long> userIds(MessageView message) {
        List<Long> ids = new ArrayList<>(List.of(message.senderId()));
        if (isSystem(message)) {
            try {
                JSON.tree(message.body()).path("targetIds").forEach(id -> ids.add(id.asLong()));
            } catch (RuntimeException e) {
                // an unreadable system body mentions nobody else
            }
        }
        return ids;
    }

    /** The text to show for the message (without sender or time). */
    public String body(MessageView message) {
        if (isWithheld(message)) {
            return "";
        }
        if (isSystem(message)) {
            return system(message);
        }
        if (message.contentType() == null || message.contentType().startsWith("text/")) {
            return message.body();
        }
        return "[" + message.contentType() + "] " + message.body();
    }

    private String system(MessageView message) {
        JsonNode body;
        try {
            body = JSON.tree(message.body());
        } catch (RuntimeException e) {
            return texts.get("system.unknown", names.apply(message.senderId()), message.body());
        }
        String type = body.path("type").asText("");
        String actor = names.apply(body.path("actorId").asLong(message.senderId()));
        List<String> targets = new ArrayList<>();
        body.path("targetIds").forEach(id -> targets.add(names.apply(id.asLong())));
        String targetText = String.join(", ", targets);
        String detail = body.path("detail").asText("");
        String key = "system." + type;
        if (!texts.has(key)) {
            return texts.get("system.unknown", actor, type);
        }
        return texts.get(key, actor, targetText, detail);
    }
}
