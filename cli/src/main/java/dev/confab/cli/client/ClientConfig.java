package dev.confab.cli.client;

import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

/**
 * {@code config.properties} in the config directory: the default server ({@code server}), the
 * language ({@code lang}: {@code en} or {@code zh}) and this installation's device id
 * ({@code device-id}, made once and sent on every login, so that a new login replaces this device's
 * old session and resends stay idempotent). Hand-editable; unknown keys are kept.
 */
public final class ClientConfig {
    public static final String FILE = "config.properties";

    private final Path file;
    private final Properties values;

    private ClientConfig(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    public static ClientConfig load(Path home) {
        Path file = home.resolve(FILE);
        return new ClientConfig(file, PrivateFiles.read(file));
    }

    /** The configured server, or null. */
    public String server() {
        return blankToNull(values.getProperty("server"));
    }

    /** The configured language tag, or null. */
    public String lang() {
        return blankToNull(values.getProperty("lang"));
    }

    /** This installation's device id, made and saved on first use. */
    public String deviceId() {
        String id = blankToNull(values.getProperty("device-id"));
        if (id == null) {
            id = "cli-" + UUID.randomUUID().toString().substring(0, 13);
            values.setProperty("device-id", id);
            PrivateFiles.write(file, values);
        }
        return id;
    }

    /** Remembers {@code server} as the default. */
    public void rememberServer(String server) {
        if (!server.equals(values.getProperty("server"))) {
            values.setProperty("server", server);
            PrivateFiles.write(file, values);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
