package dev.confab.cli.client;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The directory that holds a user's client configuration and saved session. {@code CONFAB_HOME} wins
 * (so one machine can hold several users side by side); otherwise {@code %APPDATA%\confab} on Windows,
 * {@code $XDG_CONFIG_HOME/confab}, or {@code ~/.config/confab}.
 */
public final class ConfabHome {
    private ConfabHome() {
    }

    public static Path of(CliContext context) {
        String explicit = context.variable("CONFAB_HOME");
        if (explicit != null) {
            return Path.of(explicit);
        }
        String appData = context.variable("APPDATA");
        if (appData != null && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return Path.of(appData, "confab");
        }
        String xdg = context.variable("XDG_CONFIG_HOME");
        if (xdg != null) {
            return Path.of(xdg, "confab");
        }
        return context.home().resolve(".config").resolve("confab");
    }
}
