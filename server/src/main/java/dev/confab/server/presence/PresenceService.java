package dev.confab.server.presence;

import dev.confab.server.accounts.Account;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AccountStore;
import dev.confab.server.cluster.EventBus;
import dev.confab.server.contacts.ContactStore;
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
 * the user's friends and, when {@code presence.share-with-groups} is on, to members of groups they share
 * (never rooms), except those the user blocked. Blocking (database).
 */
public final class PresenceService {
    private final PresenceRegistry registry;
    private final AccountStore accounts;
    private final ContactStore contacts;
    private final ConversationStore conversations;
    private final boolean shareWithGroups;
    private final EventBus bus;
    private final Clock clock;

    public PresenceService(PresenceRegistry registry, AccountStore accounts, ContactStore contacts,
                           ConversationStore conversations, boolean shareWithGroups, EventBus bus, Clock clock) {
        this.conversations = conversations;
        this.shareWithGroups = shareWithGroups;
        this.registry = registry;
        this.accounts = accounts;
        this.contacts = contacts;
        this.bus = bus;
        this.clock = clock;
    }

    /**
     * Counts a new connection; non-blocking, so callers run it in connection order. Returns true when
     * the account just came online, in which case the caller should {@link #announce} it.
     */
    public boolean countConnection(AccountId account) {
        return registry.connected(account);
    }

    /** Uncounts a closed connection; non-blocking. True when the account just went offline. */
    public boolean uncountConnection(AccountId account) {
        return registry.disconnected(account);
    }

    /**
     * Tells the account's contacts its current state (and stores last-seen when offline). Blocking.
     * Announcements can run late, so each one states the state at the time it runs; an announcement
     * overtaken by a newer change therefore repeats the current state instead of reviving an old one.
     */
    public void announce(AccountId account, String username) {
        announce(account, username, clock.instant());
    }

    /** As {@link #announce(AccountId, String)}; if the account is offline, it was last seen at {@code offlineSince}. */
    public void announce(AccountId account, String username, Instant offlineSince) {
        boolean online = registry.isOnline(account);
        Instant lastSeen = null;
        if (!online) {
            lastSeen = offlineSince.truncatedTo(ChronoUnit.MILLIS);
            accounts.updateLastSeen(account, lastSeen);
        }
        bus.publish(audience(account), new UserEvent.PresenceChanged(account, username, online, lastSeen));
    }

    /**
     * {@link #announce} for accounts whose connections were lost all at once (a node died); each is
     * announced with its state at the time, so those connected elsewhere stay online. Blocking.
     */
    public void announceAll(Collection<AccountId> lost) {
        for (Account a : accounts.findByIds(lost)) {
            announce(a.id(), a.username());
        }
    }

    /**
     * Presence of the given accounts as {@code viewer} may see it, in the order asked; unknown ids are
     * left out. Only friends who have not blocked the viewer (and the viewer itself) show real state;
     * everyone else shows offline with no last-seen time, so a block looks like nothing at all.
     */
    public List<PresenceStatus> query(AccountId viewer, Collection<AccountId> ids) {
        Map<AccountId, Account> found = accounts.findByIds(ids).stream()
                .collect(Collectors.toMap(Account::id, Function.identity()));
        java.util.Set<AccountId> online = registry.online(found.keySet());
        return ids.stream().distinct().filter(found::containsKey).map(found::get)
                .map(a -> visible(viewer, a.id())
                        ? new PresenceStatus(a.id(), a.username(), online.contains(a.id()), a.lastSeenAt())
                        : new PresenceStatus(a.id(), a.username(), false, null))
                .toList();
    }

    private boolean visible(AccountId viewer, AccountId subject) {
        if (viewer.equals(subject)) {
            return true;
        }
        boolean related = contacts.areFriends(viewer, subject) || (shareWithGroups && conversations.shareGroup(viewer, subject));
        return related && !contacts.isBlocked(subject, viewer);
    }

    /** Friends (and, when enabled, members of shared groups) except those the account blocked. */
    private java.util.Set<AccountId> audience(AccountId account) {
        java.util.Set<AccountId> audience = new java.util.HashSet<>(contacts.presenceAudience(account));
        if (shareWithGroups) {
            conversations.groupPeersOf(account).stream().filter(p -> !contacts.isBlocked(account, p)).forEach(audience::add);
        }
        return audience;
    }
}
