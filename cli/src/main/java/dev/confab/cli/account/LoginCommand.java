package dev.confab.cli.account;

import dev.confab.cli.client.ClientCommand;
import dev.confab.cli.client.ClientSetup;
import dev.confab.cli.client.ExitCodes;
import dev.confab.cli.client.JsonOutput;
import dev.confab.cli.client.PasswordSource;
import dev.confab.cli.client.SavedSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code confab login}: opens a session and saves its token in the config directory. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Logs in and saves the session token (readable only by you) in the config directory",
                "($CONFAB_HOME, else ~/.config/confab). The password comes from a prompt, --password-stdin",
                "or $CONFAB_PASSWORD; never from the command line."})
public final class LoginCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "USERNAME", description = "Your username.")
    String username;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--device-name", description = "How this device is shown in your session list.")
    String deviceName;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    protected int execute(ClientSetup setup) {
        String password = PasswordSource.read(setup, passwordStdin, "password.prompt", false);
        SavedSession session = SignIn.login(setup, username, password, deviceName);
        if (json) {
            JsonOutput.print(setup, JsonOutput.object().put("username", session.username()).put("userId", session.userId())
                    .put("server", session.server()).put("sessionId", session.sessionId()));
        } else {
            setup.context().out().println(setup.texts().get("login.done", session.username(), session.server()));
        }
        return ExitCodes.OK;
    }
}
