package dev.confab.cli.client;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The session a login saved: which server, who, and the bearer token. Kept in
 * {@code session.properties} in the config directory, readable and writable by its owner only.
 *
 * @param server    the server's base URL, as used to log in
 * @param username  the account's username as stored by the server
 * @param userId    the account's id
 * @param token     the bearer token (a secret)
 * @param sessionId the session's public id
 */
public record SavedSession(String server, String username, long userId, String token, String sessionId) {
    public static final String FILE = "session.properties";

    /** The saved session, or null when there is none (or the file is incomplete). */
    public static SavedSession load(Path home) {
        Properties p = PrivateFiles.read(home.resolve(FILE));
        String token = p.getProperty("token");
        String server = p.getProperty("server");
        if (token == null || token.isBlank() || server == null) {
            return null;
        }
        long userId;
        try {
            userId = Long.parseLong(p.getProperty("user-id", "0"));
        } catch (NumberFormatException e) {
            userId = 0;
        }
        return new SavedSession(server, p.getProperty("username", ""), userId, token, p.getProperty("session-id", ""));
    }

    /** Writes this session, owner-only, replacing any saved before. */
    public void save(Path home) {
        Properties p = new Properties();
        p.setProperty("server", server);
        p.setProperty("username", username);
        p.setProperty("user-id", Long.toString(userId));
        p.setProperty("token", token);
        p.setProperty("session-id", sessionId == null ? "" : sessionId);
        PrivateFiles.write(home.resolve(FILE), p);
    }

    /** Forgets the saved session. */
    public static void delete(Path home) {
        PrivateFiles.delete(home.resolve(FILE));
    }
}
