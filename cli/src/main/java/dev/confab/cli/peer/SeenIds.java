package dev.confab.cli.peer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ids of the most recent incoming messages, to drop retransmitted duplicates. Bounded: the oldest
 * id is forgotten past {@link #CAPACITY}, far more than a sender retransmits over (a message is given
 * up after its retries, seconds after it was first sent). Not thread-safe; the session guards it.
 */
final class SeenIds {
    static final int CAPACITY = 100_000;

    private final Map<UUID, Boolean> ids = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** True the first time an id is offered, false for a repeat. */
    boolean firstTime(UUID id) {
        return ids.putIfAbsent(id, Boolean.TRUE) == null;
    }
}
