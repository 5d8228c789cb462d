package dev.confab.cli.script;

import dev.confab.cli.client.ClientCommand;
import dev.confab.cli.client.ClientSetup;
import dev.confab.cli.client.ConversationFinder;
import dev.confab.cli.client.EventText;
import dev.confab.cli.client.ExitCodes;
import dev.confab.cli.client.MessageText;
import dev.confab.cli.client.SavedSession;
import dev.confab.cli.client.UserNames;
import dev.confab.client.ConfabConnection;
import dev.confab.client.ConfabHttpClient;
import dev.confab.protocol.model.ConversationView;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code confab watch}: stays connected and prints what happens from now on (messages, friend
 * requests and other events, receipts, typing, presence, connection changes) until interrupted.
 * Reconnects by itself; after a reconnect it prints what was missed, each message once.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Prints incoming messages and events as they happen, until interrupted (Ctrl-C).",
                "Plain output: one line per message or event on stdout; connection changes on stderr.",
                "With --json: one JSON object per line with a 'type' of message, event, receipt, typing,",
                "presence, connection, error or session_ended."})
public final class WatchCommand extends ClientCommand {
    @Option(names = "--json", description = "Print one JSON object per line.")
    boolean json;

    @Option(names = "--count", paramLabel = "N", description = "Exit (0) after N messages.")
    Integer count;

    @Override
    protected int execute(ClientSetup setup) throws InterruptedException {
        SavedSession session = setup.session();
        ConfabHttpClient http = setup.sessionClient();
        WatchPrinter printer = new WatchPrinter(setup, http, session.userId(), json);
        for (ConversationView c : new ConversationFinder(http, setup.texts()).all()) {
            printer.learn(c);
        }
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        WatchListener listener = new WatchListener(queue);
        ConfabConnection connection = new ConfabConnection(URI.create(session.server()), session.token(), listener);
        listener.attach(connection);
        printer.conversations().forEach(c -> connection.knownSeq(c.id(), c.lastSeq()));
        Thread hook = new Thread(connection::close, "confab-watch-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            connection.connect();
            int messages = 0;
            while (true) {
                Object item = queue.take();
                if (item == WatchListener.SESSION_ENDED) {
                    printer.sessionEnded();
                    return ExitCodes.AUTH;
                }
                if (printer.print(item) && count != null && ++messages >= count) {
                    return ExitCodes.OK;
                }
            }
        } finally {
            connection.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs anyway
            }
        }
    }

    static MessageText messageText(ClientSetup setup, UserNames names) {
        return new MessageText(setup.texts(), names::name);
    }

    static EventText eventText(ClientSetup setup, UserNames names) {
        return new EventText(setup.texts(), names::name);
    }
}
