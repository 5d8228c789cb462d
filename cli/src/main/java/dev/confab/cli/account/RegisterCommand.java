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

/** {@code confab register}: creates an account, then logs in to it (unless told not to). */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Creates an account and logs in to it, saving the session like 'confab login'.",
                "The password comes from a prompt (asked twice), --password-stdin or $CONFAB_PASSWORD."})
public final class RegisterCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "USERNAME",
            description = "3 to 32 characters: letters, digits, '.', '_' and '-', starting with a letter or digit.")
    String username;

    @Option(names = "--display-name", description = "The name others see beside your username.")
    String displayName;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean passwordStdin;

    @Option(names = "--no-login", description = "Only create the account; do not log in.")
    boolean noLogin;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    protected int execute(ClientSetup setup) {
        String password = PasswordSource.read(setup, passwordStdin, "password.prompt_new", true);
        SignIn.register(setup, username, password, displayName);
        SavedSession session = noLogin ? null : SignIn.login(setup, username, password, null);
        if (json) {
            var out = JsonOutput.object().put("username", username).put("server", setup.server())
                    .put("loggedIn", session != null);
            if (session != null) {
                out.put("userId", session.userId());
            }
            JsonOutput.print(setup, out);
        } else {
            setup.context().out().println(setup.texts().get(session == null ? "register.done" : "register.done_login",
                    username, setup.server()));
        }
        return ExitCodes.OK;
    }
}
