package dev.confab.server.app.config;

/**
 * One configuration key: its name (also its form in a config file), default value (as text; empty
 * means unset), the section it belongs to, and what it does.
 */
public record ConfigKey(String name, String defaultValue, String description) {

    /** The environment variable that sets this key, e.g. {@code server.port} → {@code CONFAB_SERVER_PORT}. */
    public String environmentVariable() {
        return "CONFAB_" + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String section() {
        return name.substring(0, name.indexOf('.'));
    }
}
