package dev.confab.cli.chat;

import dev.confab.cli.client.CliFailure;
import dev.confab.cli.client.Contacts;
import dev.confab.cli.client.ConversationFinder;
import dev.confab.cli.client.ExitCodes;
import dev.confab.cli.client.Texts;
import dev.confab.client.ConfabHttpClient;
import dev.confab.protocol.model.ConversationDetailsView;
import dev.confab.protocol.model.FriendRequestView;
import dev.confab.protocol.model.FriendView;
import dev.confab.protocol.model.MemberView;
import dev.confab.protocol.model.PresenceView;
import dev.confab.protocol.request.CreateGroupRequest;
import dev.confab.protocol.request.CreateRoomRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat commands about groups, rooms and people that need the server: each either runs
 * on the session's worker or builds the lines of a panel (called from the worker).
 */
final class GroupActions {
    /** Rooms listed by {@code /rooms} (the server caps it at rooms.directory-page-size). */
    static final int ROOMS_LISTED = 100;

    private final ChatSession session;
    private final ChatActions actions;
    private final ChatState state;
    private final Texts texts;
    private final ConfabHttpClient http;

    GroupActions(ChatSession session, ChatActions actions) {
        this.session = session;
        this.actions = actions;
        this.state = session.state;
        this.texts = session.texts;
        this.http = session.http;
    }

    List<String> friendLines() {
        List<FriendView> friends = http.friends().friends();
        Map<Long, Boolean> online = presence(friends.stream().map(f -> f.user().id()).toList());
        state.setFriends(friends);
        List<String> lines = new ArrayList<>();
        for (FriendView f : friends) {
            lines.add((online.getOrDefault(f.user().id(), false) ? "● " : "○ ") + f.user().username()
                    + (f.remark() != null ? " (" + f.remark() + ")" : f.user().displayName() != null
                    ? " (" + f.user().displayName() + ")" : ""));
        }
        return lines.isEmpty() ? List.of(texts.get("friends.none")) : lines;
    }

    List<String> requestLines() {
        List<String> lines = new ArrayList<>();
        for (FriendRequestView r : http.incomingFriendRequests().requests()) {
            lines.add(texts.get("friends.incoming", r.from().username(), r.message() == null ? "" : r.message())
                    + "  — /accept " + r.from().username() + " | /decline " + r.from().username());
        }
        for (FriendRequestView r : http.outgoingFriendRequests().requests()) {
            lines.add(texts.get("friends.outgoing", r.to().username()));
        }
        return lines.isEmpty() ? List.of(texts.get("friends.no_requests")) : lines;
    }

    List<String> roomLines(String search) {
        List<String> lines = new ArrayList<>();
        for (ConversationDetailsView room : http.groups().rooms(search, ROOMS_LISTED).rooms()) {
            synchronized (state) {
                state.rooms.add(room.alias());
            }
            lines.add("#" + room.alias() + "  " + room.title() + "  "
                    + texts.get("rooms.members", room.memberCount(), room.capacity()) + "  — /join " + room.alias());
        }
        return lines.isEmpty() ? List.of(texts.get("rooms.none")) : lines;
    }

    void create(String title, List<String> members) {
        session.background(() -> {
            List<Long> ids = new Contacts(http, texts).userIds(members);
            ConversationDetailsView group = http.groups().createGroup(new CreateGroupRequest(title, null, null, ids,
                    null, null, null));
            state.event(texts.get("group.created", group.title(), group.id()));
            actions().show(group);
        });
    }

    void createRoom(String alias, String title) {
        session.background(() -> {
            ConversationDetailsView room = http.groups().createRoom(new CreateRoomRequest(alias, title, null, null,
                    null, null, null, null));
            state.event(texts.get("rooms.created", room.alias(), room.title(), room.id()));
            actions().show(room);
        });
    }

    void join(String room) {
        String name = room.startsWith("#") ? room.substring(1) : room;
        session.background(() -> {
            ConversationDetailsView entry = new ConversationFinder(http, texts).directoryEntry(name);
            if (entry != null) {
                session.startAfter(entry.id(), entry.lastSeq());
            }
            ConversationDetailsView joined = http.groups().joinRoom(name);
            state.event(texts.get("rooms.joined", joined.alias(), joined.title(), joined.id()));
            actions().show(joined);
        });
    }

    void invite(List<String> users) {
        long id = groupOrRoom(false);
        session.background(() -> {
            http.groups().invite(id, new Contacts(http, texts).userIds(users));
            state.event(texts.get("group.invited", String.join(", ", users)));
        });
    }

    void kick(String user) {
        long id = groupOrRoom(true);
        session.background(() -> {
            for (MemberView m : http.groups().members(id).members()) {
                if (m.user().username().equalsIgnoreCase(user)) {
                    http.groups().removeMember(id, m.user().id());
                    state.event(texts.get("chat.kicked", m.user().username()));
                    return;
                }
            }
            throw new CliFailure(ExitCodes.REFUSED, texts.get("error.conversation.not_member"));
        });
    }

    void leave() {
        long id = groupOrRoom(true);
        session.background(() -> {
            http.groups().leave(id);
            synchronized (state) {
                ChatConversation c = state.conversations.remove(id);
                state.selected = null;
                state.event(texts.get("group.left", c == null ? "" : c.label()));
            }
        });
    }

    void disband() {
        long id = groupOrRoom(true);
        session.background(() -> {
            http.groups().disband(id);
            state.event(texts.get("chat.disbanded"));
        });
    }

    void who() {
        ChatConversation c = state.current();
        if (c == null) {
            throw new CliFailure(ExitCodes.USAGE, texts.get("chat.no_conversation"));
        }
        session.background(() -> {
            List<String> lines = new ArrayList<>();
            if (c.direct()) {
                Map<Long, Boolean> online = presence(List.of(c.peerId));
                lines.add((online.getOrDefault(c.peerId, false) ? "● " : "○ ") + c.peer);
            } else {
                List<MemberView> members = http.groups().members(c.id).members();
                Map<Long, Boolean> online = presence(members.stream().map(m -> m.user().id()).limit(200).toList());
                for (MemberView m : members) {
                    state.names.learn(m.user());
                    lines.add((online.getOrDefault(m.user().id(), false) ? "● " : "○ ") + m.user().username()
                            + "  " + m.role());
                }
            }
            actions().panel(texts.get("chat.title.who", c.label()), lines);
        });
    }

    private Map<Long, Boolean> presence(List<Long> ids) {
        Map<Long, Boolean> online = new HashMap<>();
        if (!ids.isEmpty()) {
            for (PresenceView p : http.presence(ids).presence()) {
                online.put(p.userId(), p.online());
            }
        }
        synchronized (state) {
            state.online.putAll(online);
        }
        return online;
    }

    /** The open conversation's id when it is a group (or, with {@code roomsToo}, a room). */
    private long groupOrRoom(boolean roomsToo) {
        ChatConversation c = state.current();
        if (c == null || c.direct() || !roomsToo && !"GROUP".equals(c.kind)) {
            throw new CliFailure(ExitCodes.USAGE, texts.get(roomsToo ? "chat.needs_group_or_room" : "chat.needs_group"));
        }
        return c.id;
    }

    private ChatActions actions() {
        return actions;
    }
}
