package dev.confab.server.accounts;

import java.util.Objects;

/** Public, non-secret id of a session (not its token). */
public record SessionId(String value) {
    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
