package dev.confab.cli.account;

import dev.confab.cli.client.ClientCommand;
import dev.confab.cli.client.ClientSetup;
import dev.confab.cli.client.ExitCodes;
import dev.confab.cli.client.SavedSession;
import dev.confab.client.ConfabApiException;
import dev.confab.client.ConfabConnectionException;
import dev.confab.client.ConfabHttpClient;
import java.net.URI;
import picocli.CommandLine.Command;

/** {@code confab logout}: ends the saved session on the server and forgets it here. */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = {"Ends the saved session on the server and deletes the token file.",
                "When the server cannot be reached the token is deleted anyway and the exit code is 4."})
public final class LogoutCommand extends ClientCommand {
    @Override
    protected int execute(ClientSetup setup) {
        SavedSession session = setup.session();
        int code = ExitCodes.OK;
        try {
            new ConfabHttpClient(URI.create(session.server()), session.token()).logout();
        } catch (ConfabApiException e) {
            if (e.status() != 401) {
                throw e;
            }
        } catch (ConfabConnectionException e) {
            setup.context().err().println("confab: " + setup.errors().describe(e));
            code = ExitCodes.UNAVAILABLE;
        }
        SavedSession.delete(setup.home());
        setup.context().out().println(setup.texts().get("logout.done", session.username()));
        return code;
    }
}
