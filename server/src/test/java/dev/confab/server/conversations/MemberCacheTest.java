package dev.confab.server.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.accounts.AccountId;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemberCacheTest {
    private final Map<ConversationId, List<AccountId>> stored = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final MemberCache cache = new MemberCache(store(), 100, Duration.ofMinutes(1));

    /** A store that only answers members(), counting the calls. */
    private ConversationStore store() {
        return (ConversationStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ConversationStore.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("members")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    loads.incrementAndGet();
                    return new ArrayList<>(stored.getOrDefault((ConversationId) args[0], List.of()));
                });
    }

    @Test
    void servesRepeatedLookupsFromMemoryUntilInvalidated() {
        ConversationId room = new ConversationId(1);
        stored.put(room, List.of(new AccountId(1), new AccountId(2)));
        assertThat(cache.members(room)).containsExactly(new AccountId(1), new AccountId(2));
        assertThat(cache.members(room)).hasSize(2);
        assertThat(loads).hasValue(1);

        stored.put(room, List.of(new AccountId(1), new AccountId(2), new AccountId(3)));
        cache.invalidate(room);
        assertThat(cache.members(room)).hasSize(3);
        assertThat(loads).hasValue(2);
    }

    @Test
    void emptyAnswersAreNotKept() {
        ConversationId later = new ConversationId(2);
        assertThat(cache.members(later)).isEmpty();
        stored.put(later, List.of(new AccountId(9)));
        assertThat(cache.members(later)).containsExactly(new AccountId(9));
    }
}
