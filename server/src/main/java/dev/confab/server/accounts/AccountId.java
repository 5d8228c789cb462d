package dev.confab.server.accounts;

/** Server-assigned numeric id of an account. */
public record AccountId(long value) {
    // Written out: the record's generated equals goes through a method handle, which showed in
    // profiles of a large room's fan-out (one map lookup per recipient).
    @Override
    public boolean equals(Object other) {
        return other instanceof AccountId id && id.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
