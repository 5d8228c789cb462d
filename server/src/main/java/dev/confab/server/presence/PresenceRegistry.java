package dev.confab.server.presence;

import dev.confab.server.accounts.AccountId;

/**
 * Who has live connections. Contract: thread-safe; {@link #connected} and {@link #disconnected} are
 * non-blocking and called once per connection, in that order; the queries may block.
 */
public interface PresenceRegistry {

    /** Counts a new connection; true when it is the account's first (the account came online). */
    boolean connected(AccountId account);

    /** Uncounts a connection; true when it was the account's last (the account went offline). */
    boolean disconnected(AccountId account);

    /** Whether the account has a live connection anywhere. May block (one round trip) in a cluster. */
    boolean isOnline(AccountId account);

    /** Which of {@code accounts} are online; as {@link #isOnline} for each, in one round trip where shared. */
    default java.util.Set<AccountId> online(java.util.Collection<AccountId> accounts) {
        return accounts.stream().filter(this::isOnline).collect(java.util.stream.Collectors.toSet());
    }
}
