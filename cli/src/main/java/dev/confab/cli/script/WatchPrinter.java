package dev.confab.cli.script;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.confab.cli.client.ClientSetup;
import dev.confab.cli.client.EventText;
import dev.confab.cli.client.JsonOutput;
import dev.confab.cli.client.MessageText;
import dev.confab.cli.client.UserNames;
import dev.confab.client.ConfabHttpClient;
import dev.confab.client.ConnectionState;
import dev.confab.protocol.model.ConversationView;
import dev.confab.protocol.model.EventView;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.PresenceView;
import dev.confab.protocol.model.ReceiptView;
import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Prints what {@code confab watch} sees, as plain lines or JSON lines. Runs on the printing thread only. */
final class WatchPrinter {
    private final ClientSetup setup;
    private final ConfabHttpClient http;
    private final long me;
    private final boolean json;
    private final PrintStream out;
    private final UserNames names = new UserNames();
    private final Map<Long, ConversationView> conversations = new ConcurrentHashMap<>();
    private final MessageText messageText;
    private final EventText eventText;
    private final MessageLines lines;

    WatchPrinter(ClientSetup setup, ConfabHttpClient http, long me, boolean json) {
        this.setup = setup;
        this.http = http;
        this.me = me;
        this.json = json;
        this.out = setup.context().out();
        this.messageText = WatchCommand.messageText(setup, names);
        this.eventText = WatchCommand.eventText(setup, names);
        this.lines = new MessageLines(setup.texts(), messageText, names);
    }

    void learn(ConversationView conversation) {
        conversations.put(conversation.id(), conversation);
        names.learn(conversation.peer());
    }

    Collection<ConversationView> conversations() {
        return conversations.values();
    }

    /** Prints one item; answers whether it was a message. */
    boolean print(Object item) {
        switch (item) {
            case MessageView m -> {
                message(m);
                return true;
            }
            case EventView e -> emit("event", "event", JsonOutput.tree(e), () -> eventText.describe(e, me));
            case ReceiptView r -> {
                if (json) {
                    JsonOutput.print(out, JsonOutput.object().put("type", "receipt").set("receipt", JsonOutput.tree(r)));
                }
            }
            case PresenceView p -> emit("presence", "presence", JsonOutput.tree(p),
                    () -> setup.texts().get(p.online() ? "presence.online" : "presence.offline", p.username()));
            case WatchListener.Typing t -> typing(t);
            case ConnectionState s -> state(s);
            case WatchListener.Failure f -> failure(f.error());
            default -> {
            }
        }
        return false;
    }

    void sessionEnded() {
        if (json) {
            JsonOutput.print(out, JsonOutput.object().put("type", "session_ended"));
        }
        setup.context().err().println("confab: " + setup.texts().get("auth.session_ended"));
    }

    private void message(MessageView m) {
        if (MessageText.isWithheld(m)) {
            return;
        }
        safely(() -> names.fetchMissing(http, MessageText.userIds(m)));
        if (!conversations.containsKey(m.conversationId())) {
            safely(() -> new dev.confab.cli.client.ConversationFinder(http, setup.texts()).all().forEach(this::learn));
        }
        String where = where(m.conversationId());
        if (json) {
            ObjectNode node = JsonOutput.object().put("type", "message").put("conversation", where)
                    .put("sender", names.name(m.senderId())).put("text", messageText.body(m));
            node.set("message", JsonOutput.tree(m));
            JsonOutput.print(out, node);
        } else {
            out.println(lines.line(m, "[" + where + "]"));
        }
    }

    private void typing(WatchListener.Typing t) {
        safely(() -> names.fetchMissing(http, List.of(t.userId())));
        if (json) {
            JsonOutput.print(out, JsonOutput.object().put("type", "typing").put("conversationId", t.conversationId())
                    .put("userId", t.userId()).put("user", names.name(t.userId())));
        } else {
            out.println("* " + setup.texts().get("typing.one", names.name(t.userId())) + " [" + where(t.conversationId()) + "]");
        }
    }

    private void state(ConnectionState s) {
        if (json) {
            JsonOutput.print(out, JsonOutput.object().put("type", "connection").put("state", s.name()));
        } else {
            setup.context().err().println("-- " + setup.texts().get("state." + s.name().toLowerCase()));
        }
    }

    private void failure(Throwable error) {
        String line = setup.errors().describe(error);
        if (json) {
            JsonOutput.print(out, JsonOutput.object().put("type", "error").put("message", line));
        } else {
            setup.context().err().println("confab: " + line);
        }
    }

    /** How a conversation is shown: {@code @peer}, or a group's or room's title. */
    private String where(long conversationId) {
        ConversationView c = conversations.get(conversationId);
        if (c == null) {
            return "id:" + conversationId;
        }
        return "DIRECT".equals(c.kind()) && c.peer() != null ? "@" + c.peer().username() : c.title();
    }

    private void emit(String type, String field, Object value, java.util.function.Supplier<String> text) {
        if (json) {
            ObjectNode node = JsonOutput.object().put("type", type);
            node.set(field, (com.fasterxml.jackson.databind.JsonNode) value);
            JsonOutput.print(out, node);
        } else {
            out.println("* " + text.get());
        }
    }

    private static void safely(Runnable lookup) {
        try {
            lookup.run();
        } catch (RuntimeException e) {
            // names and titles are cosmetic: print with ids when they cannot be looked up
        }
    }
}
