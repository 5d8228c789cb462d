package dev.confab.server.accounts;

/**
 * One-way password hashing.
 *
 * <p>Contract: both methods block and are CPU- and memory-heavy by design; call them from a virtual
 * or worker thread. Implementations bound how many run at once. Passwords are used whole, never
 * truncated. Thread-safe.
 */
public interface PasswordHasher {

    /** An encoded hash that embeds its own parameters and salt. */
    String hash(String password);

    /** Whether {@code password} matches {@code encodedHash}; false for malformed hashes. */
    boolean verify(String password, String encodedHash);
}
