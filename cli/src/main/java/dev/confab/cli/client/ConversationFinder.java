package dev.confab.cli.client;

import dev.confab.client.ConfabHttpClient;
import dev.confab.protocol.model.ConversationDetailsView;
import dev.confab.protocol.model.ConversationList;
import dev.confab.protocol.model.ConversationView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the conversation a {@link ConversationName} means, among the caller's conversations (walked
 * page by page, never cut short) and the room directory. Blocking HTTP calls.
 */
public final class ConversationFinder {
    private static final int PAGE = 500;
    /** Rooms asked of the directory per search (its maximum, rooms.directory-page-size, is 100 by default). */
    private static final int DIRECTORY = 100;

    private final ConfabHttpClient http;
    private final Texts texts;

    public ConversationFinder(ConfabHttpClient http, Texts texts) {
        this.http = http;
        this.texts = texts;
    }

    /** Every conversation of the caller, most recently active first. */
    public List<ConversationView> all() {
        List<ConversationView> all = new ArrayList<>();
        ConversationList page = http.conversations();
        all.addAll(page.conversations());
        while (page.hasMore()) {
            page = http.conversations(page.cursor(), PAGE);
            all.addAll(page.conversations());
        }
        return all;
    }

    /** The id of the existing conversation {@code text} names; fails with a translated line when there is none. */
    public long find(String text) {
        return find(ConversationName.parse(text, texts));
    }

    public long find(ConversationName name) {
        return switch (name) {
            case ConversationName.ById byId -> byId.id();
            case ConversationName.Direct direct -> direct(direct.username());
            case ConversationName.Room room -> room(room.aliasOrId());
            case ConversationName.Group group -> group(group.titleOrId());
        };
    }

    /** The room with this alias (exactly, ignoring case) or id, from the directory, as its id. */
    public long room(String aliasOrId) {
        Long id = ConversationName.number(aliasOrId);
        if (id != null) {
            return id;
        }
        ConversationDetailsView room = directoryEntry(aliasOrId);
        if (room == null) {
            throw new CliFailure(ExitCodes.REFUSED, texts.get("error.room.not_found"));
        }
        return room.id();
    }

    /**
     * The room with this alias (exactly, ignoring case) or id as the room directory shows it, or null
     * when the directory does not show it. An id is looked for among the first {@link #DIRECTORY}
     * rooms in alias order only, since the directory is searched by alias or title.
     */
    public ConversationDetailsView directoryEntry(String aliasOrId) {
        Long id = ConversationName.number(aliasOrId);
        String alias = aliasOrId.toLowerCase(Locale.ROOT);
        for (ConversationDetailsView room : http.groups().rooms(id == null ? alias : null, DIRECTORY).rooms()) {
            if (id != null ? room.id() == id : alias.equalsIgnoreCase(room.alias())) {
                return room;
            }
        }
        return null;
    }

    private long direct(String username) {
        for (ConversationView c : all()) {
            if ("DIRECT".equals(c.kind()) && c.peer() != null && c.peer().username().equalsIgnoreCase(username)) {
                return c.id();
            }
        }
        throw new CliFailure(ExitCodes.REFUSED, texts.get("name.no_direct", username));
    }

    private long group(String titleOrId) {
        Long id = ConversationName.number(titleOrId);
        List<Long> matches = new ArrayList<>();
        for (ConversationView c : all()) {
            if ("GROUP".equals(c.kind()) && (id != null && c.id() == id || titleOrId.equalsIgnoreCase(c.title()))) {
                matches.add(c.id());
            }
        }
        if (matches.isEmpty()) {
            throw new CliFailure(ExitCodes.REFUSED, texts.get("name.no_group", titleOrId));
        }
        if (matches.size() > 1) {
            throw new CliFailure(ExitCodes.USAGE, texts.get("name.ambiguous_group", titleOrId, matches));
        }
        return matches.getFirst();
    }
}
