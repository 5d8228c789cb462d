package dev.confab.cli.script;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.confab.cli.client.ClientCommand;
import dev.confab.cli.client.ClientSetup;
import dev.confab.cli.client.ConversationFinder;
import dev.confab.cli.client.ExitCodes;
import dev.confab.cli.client.JsonOutput;
import dev.confab.cli.client.MessageText;
import dev.confab.cli.client.UserNames;
import dev.confab.client.ConfabHttpClient;
import dev.confab.protocol.model.MessagePage;
import dev.confab.protocol.model.MessageView;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code confab history}: prints a conversation's messages, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Prints the newest messages of a conversation (or those before --before), oldest first.",
                "Conversations: alice or @alice (direct), #alias or room:ALIAS|ID (room),",
                "group:TITLE|ID (group), id:N (any conversation by id).",
                "With --json: one object with conversationId, firstSeq, hasMore, cursor and messages",
                "(each message as in the protocol, plus 'sender', the sender's username, and 'text')."})
public final class HistoryCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "CONVERSATION", description = "The conversation.")
    String conversation;

    @Option(names = "--limit", defaultValue = "50", description = "How many messages (default ${DEFAULT-VALUE}; the server caps it).")
    int limit;

    @Option(names = "--before", paramLabel = "SEQ", description = "Only messages with a seq below this (page backwards with the previous cursor).")
    Long before;

    @Option(names = "--json", description = "Print the page as JSON.")
    boolean json;

    @Override
    protected int execute(ClientSetup setup) {
        if (limit < 1) {
            throw new dev.confab.cli.client.CliFailure(ExitCodes.USAGE, setup.texts().get("usage.limit"));
        }
        ConfabHttpClient http = setup.sessionClient();
        long id = new ConversationFinder(http, setup.texts()).find(conversation);
        MessagePage page = before == null ? http.latestMessages(id, limit) : http.messagesBefore(id, before, limit);
        UserNames names = new UserNames();
        List<Long> ids = new ArrayList<>();
        page.messages().forEach(m -> ids.addAll(MessageText.userIds(m)));
        names.fetchMissing(http, ids);
        MessageText text = new MessageText(setup.texts(), names::name);
        if (json) {
            ObjectNode out = JsonOutput.object().put("conversationId", page.conversationId())
                    .put("firstSeq", page.firstSeq()).put("hasMore", page.hasMore());
            if (page.cursor() != null) {
                out.put("cursor", page.cursor());
            }
            ArrayNode messages = out.putArray("messages");
            for (MessageView m : page.messages()) {
                ObjectNode node = (ObjectNode) JsonOutput.tree(m);
                node.put("sender", names.name(m.senderId())).put("text", text.body(m));
                messages.add(node);
            }
            JsonOutput.print(setup, out);
        } else {
            MessageLines lines = new MessageLines(setup.texts(), text, names);
            page.messages().stream().filter(m -> !MessageText.isWithheld(m))
                    .forEach(m -> setup.context().out().println(lines.line(m, null)));
            if (page.hasMore()) {
                setup.context().out().println(setup.texts().get("history.more", page.cursor()));
            }
        }
        return ExitCodes.OK;
    }
}
