package dev.confab.server.events;

import dev.confab.server.accounts.AccountId;

/**
 * Reads accounts' event logs (writes happen inside the transactions of the changes they report, see
 * {@link dev.confab.server.contacts.ContactWrites#record}).
 *
 * <p>Contract: blocking, thread-safe, throws {@link dev.confab.server.errors.StoreUnavailableException}
 * when the database cannot be reached.
 */
public interface AccountEventStore {

    /** Up to {@code limit} events of the account with seq greater than {@code afterSeq}, ascending. */
    EventSlice after(AccountId account, long afterSeq, int limit);

    /** The seq of the account's newest event, 0 when it has none. */
    long lastSeq(AccountId account);
}
