package dev.confab.cli.chat;

import dev.confab.cli.account.SignIn;
import dev.confab.cli.client.ClientSetup;
import dev.confab.cli.client.SavedSession;
import dev.confab.cli.client.Texts;
import java.io.PrintWriter;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * Asks who the user is when there is no usable saved session: log in or register, username, password
 * (not echoed). A refused attempt says why in one line and asks again; Ctrl-C or Ctrl-D gives up.
 */
final class LoginPrompt {
    /** Attempts before giving up. */
    static final int ATTEMPTS = 5;

    private LoginPrompt() {
    }

    /** The new session, or null when the user gave up. */
    static SavedSession ask(ClientSetup setup, Terminal terminal) {
        Texts texts = setup.texts();
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
        PrintWriter out = terminal.writer();
        out.println(texts.get("chat.login.none", setup.server()));
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                String choice = reader.readLine(texts.get("chat.login.choice")).trim().toLowerCase();
                boolean register = choice.startsWith("r") || choice.startsWith("注");
                String username = reader.readLine(texts.get("chat.login.username")).trim();
                String password = reader.readLine(texts.get("password.prompt"), '*');
                try {
                    if (register) {
                        String again = reader.readLine(texts.get("password.prompt_again"), '*');
                        if (!again.equals(password)) {
                            out.println(texts.get("password.mismatch"));
                            continue;
                        }
                        SignIn.register(setup, username, password, null);
                    }
                    return SignIn.login(setup, username, password, null);
                } catch (RuntimeException e) {
                    out.println(setup.errors().describe(e));
                    out.flush();
                }
            }
            return null;
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }
}
