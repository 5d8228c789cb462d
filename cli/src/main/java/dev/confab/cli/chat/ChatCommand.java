package dev.confab.cli.chat;

import dev.confab.cli.client.CliFailure;
import dev.confab.cli.client.ClientCommand;
import dev.confab.cli.client.ClientSetup;
import dev.confab.cli.client.ExitCodes;
import dev.confab.client.ConnectionOptions;
import java.time.ZoneId;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;

/** {@code confab chat}: the full-screen terminal client. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"The full-screen terminal chat. Logs in (or registers) when there is no saved session.",
                "Type a message and Enter to send it to the open conversation; /help lists the commands.",
                "Keys: Ctrl-N/Ctrl-P next/previous conversation, PgUp/PgDn scroll (older messages load",
                "at the top), Tab completes, Esc closes a panel, Ctrl-C quits."})
public final class ChatCommand extends ClientCommand {
    @Override
    protected int execute(ClientSetup setup) throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("confab").build()) {
            if (Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
                throw new CliFailure(ExitCodes.USAGE, setup.texts().get("chat.dumb_terminal"));
            }
            return ChatApp.run(setup, terminal, ConnectionOptions.defaults(), ZoneId.systemDefault());
        }
    }
}
