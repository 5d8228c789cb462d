package dev.confab.server.presence;

import dev.confab.server.accounts.Account;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AccountStore;
import dev.confab.server.cluster.EventBus;
import dev.confab.server.conversations.ConversationStore;
import dev.confab.server.events.UserEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Online/offline state. A user is online while at least one connection is open; when the last one
 * closes (or misses its heartbeat and is closed) the last-seen time is stored. Changes are pushed to
 * everyone who shares a conversation with the user. Blocking (database).
 */
public final class PresenceService {
    private final PresenceRegistry registry;
    private final AccountStore accounts;
    private final ConversationStore conversations;
    private final EventBus bus;
    private final Clock clock;

    public PresenceService(PresenceRegistry registry, AccountStore accounts, ConversationStore conversations,
                           EventBus bus, Clock clock) {
        this.registry = registry;
        this.accounts = accounts;
        this.conversations = conversations;
        this.bus = bus;
        this.clock = clock;
    }

    public void connected(AccountId account, String username) {
        if (registry.connected(account)) {
            bus.publish(conversations.contactsOf(account), new UserEvent.PresenceChanged(account, username, true, null));
        }
    }

    public void disconnected(AccountId account, String username) {
        if (registry.disconnected(account)) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            accounts.updateLastSeen(account, now);
            bus.publish(conversations.contactsOf(account), new UserEvent.PresenceChanged(account, username, false, now));
        }
    }

    /** Presence of the given accounts, in the order asked; unknown ids are left out. */
    public List<PresenceStatus> query(Collection<AccountId> ids) {
        Map<AccountId, Account> found = accounts.findByIds(ids).stream()
                .collect(Collectors.toMap(Account::id, Function.identity()));
        return ids.stream().distinct().filter(found::containsKey).map(found::get)
                .map(a -> new PresenceStatus(a.id(), a.username(), registry.isOnline(a.id()), a.lastSeenAt()))
                .toList();
    }
}
