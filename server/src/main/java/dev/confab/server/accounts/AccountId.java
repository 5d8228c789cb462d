package dev.confab.server.accounts;

/** Server-assigned numeric id of an account. */
public record AccountId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
