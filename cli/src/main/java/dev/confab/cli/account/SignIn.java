package dev.confab.cli.account;

import dev.confab.cli.client.ClientSetup;
import dev.confab.cli.client.SavedSession;
import dev.confab.client.ConfabHttpClient;
import dev.confab.protocol.model.LoginResponse;
import dev.confab.protocol.request.LoginRequest;
import dev.confab.protocol.request.RegisterRequest;

/**
 * Registering and logging in, shared by the scriptable commands and {@code confab chat}. A login sends
 * this installation's device id, so logging in again replaces this device's previous session, and
 * saves the new session (owner-only) along with the server as the default for later commands.
 */
public final class SignIn {
    private SignIn() {
    }

    /** Creates the account. */
    public static void register(ClientSetup setup, String username, String password, String displayName) {
        setup.anonymousClient().register(new RegisterRequest(username, password, displayName, null, null));
    }

    /** Logs in and saves the session; returns it. */
    public static SavedSession login(ClientSetup setup, String username, String password, String deviceName) {
        ConfabHttpClient http = setup.anonymousClient();
        LoginResponse answer = http.login(new LoginRequest(username, password, setup.config().deviceId(),
                deviceName == null ? defaultDeviceName() : deviceName));
        SavedSession session = new SavedSession(setup.server(), answer.account().username(), answer.account().id(),
                answer.token(), answer.session().id());
        session.save(setup.home());
        setup.config().rememberServer(setup.server());
        return session;
    }

    private static String defaultDeviceName() {
        String host = System.getenv("HOSTNAME");
        return "confab cli" + (host == null || host.isBlank() ? "" : " on " + host);
    }
}
