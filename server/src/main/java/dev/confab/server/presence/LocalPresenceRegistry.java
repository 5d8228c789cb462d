package dev.confab.server.presence;

import dev.confab.server.accounts.AccountId;
import java.util.concurrent.ConcurrentHashMap;

/** Single-node {@link PresenceRegistry}: a connection count per online account. */
public final class LocalPresenceRegistry implements PresenceRegistry {
    private final ConcurrentHashMap<AccountId, Integer> connections = new ConcurrentHashMap<>();

    @Override
    public boolean connected(AccountId account) {
        return connections.merge(account, 1, Integer::sum) == 1;
    }

    @Override
    public boolean disconnected(AccountId account) {
        boolean[] last = {false};
        connections.computeIfPresent(account, (k, n) -> {
            last[0] = n == 1;
            return n == 1 ? null : n - 1;
        });
        return last[0];
    }

    /** A snapshot of the accounts with at least one counted connection. */
    public java.util.Set<AccountId> accounts() {
        return java.util.Set.copyOf(connections.keySet());
    }

    @Override
    public boolean isOnline(AccountId account) {
        return connections.containsKey(account);
    }
}
