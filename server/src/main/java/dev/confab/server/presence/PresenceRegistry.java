package dev.confab.server.presence;

import dev.confab.server.accounts.AccountId;

/**
 * Who has live connections. Contract: non-blocking, thread-safe; {@link #connected} and
 * {@link #disconnected} are called once per connection, in that order.
 */
public interface PresenceRegistry {

    /** Counts a new connection; true when it is the account's first (the account came online). */
    boolean connected(AccountId account);

    /** Uncounts a connection; true when it was the account's last (the account went offline). */
    boolean disconnected(AccountId account);

    boolean isOnline(AccountId account);
}
