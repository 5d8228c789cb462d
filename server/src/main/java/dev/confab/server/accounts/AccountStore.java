package dev.confab.server.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Persistent accounts.
 *
 * <p>Contract: every method blocks (call it from a virtual or worker thread, never an event loop), is
 * thread-safe, and throws {@link dev.confab.server.errors.StoreUnavailableException} when the database
 * cannot be reached. Usernames are unique case-insensitively (by a database unique index on their
 * lower-case form), so the rule holds across nodes.
 */
public interface AccountStore {

    /**
     * Stores a new account and returns it with its id.
     *
     * @throws UsernameTakenException when another account has the same username ignoring case
     */
    Account create(NewAccount account);

    Optional<Account> findById(AccountId id);

    /** Case-insensitive lookup. */
    Optional<Account> findByUsername(String username);

    /** The accounts that exist among {@code ids}, in no particular order. */
    List<Account> findByIds(Collection<AccountId> ids);

    /** Accounts with exactly this (lower-case) email that allow being found by email. */
    List<Account> findFindableByEmail(String email);

    /** Accounts with exactly this (E.164) phone number that allow being found by phone. */
    List<Account> findFindableByPhone(String phone);

    void updatePasswordHash(AccountId id, String passwordHash);

    void updateLastSeen(AccountId id, Instant lastSeenAt);
}
