package dev.confab.server.app.config;

/** A configuration value that is missing, unknown or malformed. The message names the key. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
