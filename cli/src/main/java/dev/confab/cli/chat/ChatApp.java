package dev.confab.cli.chat;

import dev.confab.cli.client.ClientSetup;
import dev.confab.cli.client.ExitCodes;
import dev.confab.cli.client.SavedSession;
import dev.confab.cli.client.UserNames;
import dev.confab.client.ConfabApiException;
import dev.confab.client.ConfabConnection;
import dev.confab.client.ConfabHttpClient;
import dev.confab.client.ConnectionOptions;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import org.jline.terminal.Terminal;

/**
 * {@code confab chat} on a given terminal: signs in (the saved session, or a prompt), then runs the
 * full-screen chat until the user quits. Separate from the command so tests can run it on a terminal
 * of their own.
 */
public final class ChatApp {
    private ChatApp() {
    }

    /** Runs the chat; returns the exit code. */
    public static int run(ClientSetup setup, Terminal terminal, ConnectionOptions options, ZoneId zone) {
        SavedSession saved = usableSession(setup);
        if (saved == null) {
            saved = LoginPrompt.ask(setup, terminal);
            if (saved == null) {
                return ExitCodes.AUTH;
            }
        }
        ConfabHttpClient http = new ConfabHttpClient(URI.create(saved.server()), saved.token());
        ChatState state = new ChatState(saved.userId(), saved.username(), saved.server(), new UserNames(), Clock.systemUTC());
        ChatSession session = new ChatSession(state, http, setup.texts());
        ChatActions actions = new ChatActions(session);
        ChatScreen screen = new ChatScreen(terminal, session, actions, new ChatRenderer(setup.texts(), zone));
        try (session) {
            session.start(new ConfabConnection(URI.create(saved.server()), saved.token(), session, options));
            screen.run();
        }
        if (actions.loggedOut()) {
            SavedSession.delete(setup.home());
            terminal.writer().println(setup.texts().get("logout.done", saved.username()));
            terminal.flush();
        }
        return ExitCodes.OK;
    }

    /** The saved session for the chosen server when the server still accepts it; null otherwise. */
    private static SavedSession usableSession(ClientSetup setup) {
        SavedSession saved;
        try {
            saved = setup.session();
        } catch (RuntimeException e) {
            return null;
        }
        try {
            new ConfabHttpClient(URI.create(saved.server()), saved.token()).me();
        } catch (ConfabApiException e) {
            if (e.status() == 401) {
                return null;
            }
        } catch (RuntimeException e) {
            // unreachable for now: start anyway, the connection keeps trying
        }
        return saved;
    }
}
