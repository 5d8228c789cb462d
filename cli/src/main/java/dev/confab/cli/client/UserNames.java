package dev.confab.cli.client;

import dev.confab.client.ConfabHttpClient;
import dev.confab.protocol.model.UserView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Usernames by user id, learnt from what the client sees and looked up over HTTP in batches when
 * missing. Thread-safe; {@link #name} never blocks, {@link #fetchMissing} does.
 */
public final class UserNames {
    /** Ids per lookup: the server's default {@code presence.max-query}. */
    private static final int BATCH = 200;

    private final Map<Long, UserView> users = new ConcurrentHashMap<>();

    public void learn(UserView user) {
        if (user != null) {
            users.put(user.id(), user);
        }
    }

    /** The username of {@code id}, or {@code #id} while unknown. */
    public String name(long id) {
        UserView user = users.get(id);
        return user == null ? "#" + id : user.username();
    }

    public boolean known(long id) {
        return users.containsKey(id);
    }

    /** The user with this username (ignoring case) among those known, or null. */
    public UserView byName(String username) {
        for (UserView user : users.values()) {
            if (user.username().equalsIgnoreCase(username)) {
                return user;
            }
        }
        return null;
    }

    /** Every known username. */
    public List<String> allNames() {
        List<String> names = new ArrayList<>();
        users.values().forEach(u -> names.add(u.username()));
        return names;
    }

    /** Looks up the ids not known yet (blocking HTTP). Ids of deleted accounts stay unknown. */
    public void fetchMissing(ConfabHttpClient http, Collection<Long> ids) {
        List<Long> missing = ids.stream().distinct().filter(id -> !users.containsKey(id)).toList();
        for (int from = 0; from < missing.size(); from += BATCH) {
            http.users(missing.subList(from, Math.min(missing.size(), from + BATCH))).users().forEach(this::learn);
        }
    }
}
