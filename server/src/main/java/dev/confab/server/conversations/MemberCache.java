package dev.confab.server.conversations;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.confab.server.accounts.AccountId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Member lists of conversations, for fan-out (every send and typing notice needs one), and their kinds. Entries are
 * invalidated on every node after each committed membership change (through the event bus); an invalidation that races a load
 * waits for the load and then removes its result, so a stale list never outlives the change. Bounded
 * by size and idle time. Thread-safe; {@link #members} blocks on a miss.
 */
public final class MemberCache {
    private final ConversationStore store;
    private final Cache<ConversationId, List<AccountId>> cache;
    private final Cache<ConversationId, ConversationKind> kinds;

    public MemberCache(ConversationStore store, int maxConversations, Duration idle) {
        this.store = store;
        this.cache = Caffeine.newBuilder().maximumSize(maxConversations).expireAfterAccess(idle).build();
        this.kinds = Caffeine.newBuilder().maximumSize(maxConversations).expireAfterAccess(idle).build();
    }

    /** The conversation's kind, which never changes once created; empty for an unknown conversation. */
    public Optional<ConversationKind> kind(ConversationId conversation) {
        return Optional.ofNullable(kinds.get(conversation, id -> store.kind(id).orElse(null)));
    }

    /** The members (empty for an unknown conversation; empty answers are not kept). */
    public List<AccountId> members(ConversationId conversation) {
        List<AccountId> members = cache.get(conversation, id -> {
            List<AccountId> loaded = store.members(id);
            return loaded.isEmpty() ? null : List.copyOf(loaded);
        });
        return members == null ? List.of() : members;
    }

    /** Forgets every member list (after this node may have missed invalidations). */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    /** Forgets a conversation's members; call after its membership changed (after commit). */
    public void invalidate(ConversationId conversation) {
        cache.invalidate(conversation);
    }
}
