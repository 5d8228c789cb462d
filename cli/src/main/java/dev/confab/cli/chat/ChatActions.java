package dev.confab.cli.chat;

import dev.confab.cli.client.CliFailure;
import dev.confab.cli.client.Contacts;
import dev.confab.cli.client.ConversationFinder;
import dev.confab.cli.client.ConversationName;
import dev.confab.cli.client.ExitCodes;
import dev.confab.cli.client.Texts;
import dev.confab.protocol.model.ConversationDetailsView;
import dev.confab.protocol.model.FriendRequestView;
import dev.confab.protocol.model.FriendView;
import dev.confab.protocol.model.SendAck;
import dev.confab.protocol.request.SendRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the user's input does: a plain line is a message to the open conversation; a line starting
 * with {@code /} is a command. Commands check their arguments first and explain a mistake in one line;
 * their network work runs on the session's worker and reports in the events row or in a panel.
 */
final class ChatActions {
    private final ChatSession session;
    private final ChatState state;
    private final Texts texts;
    private final GroupActions groups;
    private final SessionActions sessions;
    private volatile boolean quit;
    private volatile boolean loggedOut;

    ChatActions(ChatSession session) {
        this.session = session;
        this.state = session.state;
        this.texts = session.texts;
        this.groups = new GroupActions(session, this);
        this.sessions = new SessionActions(session, this);
    }

    boolean quit() {
        return quit;
    }

    boolean loggedOut() {
        return loggedOut;
    }

    void submit(String line) {
        String text = line.strip();
        if (text.isEmpty()) {
            return;
        }
        if (text.startsWith("/") && !text.startsWith("//")) {
            command(text);
        } else {
            send(text.startsWith("//") ? text.substring(1) : text);
        }
        session.redraw();
    }

    private void send(String body) {
        Long conversationId;
        String toUser;
        synchronized (state) {
            conversationId = state.draftPeer == null ? state.selected : null;
            toUser = state.draftPeer;
            state.panel = null;
            state.scroll = 0;
        }
        if (conversationId == null && toUser == null) {
            state.event(texts.get("chat.no_conversation"));
            return;
        }
        OwnSend send = new OwnSend(UUID.randomUUID().toString(), conversationId, toUser, body, state.clock.instant(), null);
        state.send(send);
        transmit(send);
    }

    private void transmit(OwnSend send) {
        session.connection().send(new SendRequest(send.clientMessageId(), send.conversationId(), send.toUser(), null,
                send.body())).whenComplete((SendAck ack, Throwable error) -> {
                    if (error != null) {
                        state.sendFailed(send.clientMessageId(), session.errors.describe(error));
                    } else {
                        state.acked(send.clientMessageId(), ack.conversationId());
                        if (send.conversationId() == null) {
                            session.background(session::refreshConversations);
                        }
                    }
                    session.redraw();
                });
    }

    private void command(String line) {
        List<String> words = CommandTokens.split(line.substring(1));
        String name = words.isEmpty() ? "" : words.getFirst();
        SlashCommand command = SlashCommand.named(name);
        if (command == null) {
            state.event(texts.get("chat.unknown_command", "/" + name));
            return;
        }
        List<String> args = words.subList(1, words.size());
        if (!command.accepts(args)) {
            state.event(texts.get("chat.usage", command.usage()));
            return;
        }
        try {
            run(command, args);
        } catch (CliFailure failure) {
            state.event(failure.getMessage());
        }
    }

    private void run(SlashCommand command, List<String> args) {
        Contacts contacts = new Contacts(session.http, texts);
        switch (command) {
            case HELP -> help(args);
            case DM -> dm(args.getFirst());
            case OPEN -> open(args.getFirst());
            case FRIENDS -> session.background(() -> panel(texts.get("chat.title.friends"), groups.friendLines()));
            case ADD -> session.background(() -> {
                FriendRequestView r = contacts.add(args.getFirst(), String.join(" ", args.subList(1, args.size())));
                state.event(texts.get("ACCEPTED".equals(r.status()) ? "friends.now_friends" : "friends.request_sent",
                        r.to().username()));
            });
            case REQUESTS -> session.background(() -> panel(texts.get("chat.title.requests"), groups.requestLines()));
            case ACCEPT -> session.background(() -> {
                contacts.accept(args.getFirst());
                state.event(texts.get("friends.now_friends", args.getFirst()));
            });
            case DECLINE -> session.background(() -> {
                contacts.decline(args.getFirst());
                state.event(texts.get("friends.declined", args.getFirst()));
            });
            case BLOCK -> session.background(() -> {
                contacts.block(args.getFirst());
                state.event(texts.get("friends.blocked", args.getFirst()));
            });
            case UNBLOCK -> session.background(() -> {
                contacts.unblock(args.getFirst());
                state.event(texts.get("friends.unblocked", args.getFirst()));
            });
            case GROUP -> groups.create(args.get(1), args.subList(2, args.size()));
            case INVITE -> groups.invite(args);
            case KICK -> groups.kick(args.getFirst());
            case LEAVE -> groups.leave();
            case DISBAND -> groups.disband();
            case ROOMS -> session.background(() -> panel(texts.get("chat.title.rooms"),
                    groups.roomLines(args.isEmpty() ? null : args.getFirst())));
            case NEWROOM -> groups.createRoom(args.getFirst(), args.size() > 1
                    ? String.join(" ", args.subList(1, args.size())) : args.getFirst());
            case JOIN -> groups.join(args.getFirst());
            case WHO -> groups.who();
            case HISTORY -> {
                state.scroll += 1000;
                session.loadOlder();
            }
            case RETRY -> retry();
            case EVENTS -> {
                List<String> newestFirst;
                synchronized (state) {
                    newestFirst = new ArrayList<>(state.events.reversed());
                }
                panel(texts.get("chat.title.events"), newestFirst);
            }
            case REMARK -> session.background(() -> remark(contacts, args.getFirst(),
                    String.join(" ", args.subList(1, args.size()))));
            case SESSIONS -> sessions.run(args);
            case LOGOUT -> session.background(() -> {
                session.http.logout();
                loggedOut = true;
                quit = true;
            });
            case QUIT -> quit = true;
        }
    }

    /** Sets (or, with no text, clears) the user's private remark for a friend, shown beside their name. */
    private void remark(Contacts contacts, String friend, String text) {
        FriendView f = contacts.setRemark(friend, text);
        synchronized (state) {
            if (text.isBlank()) {
                state.remarks.remove(f.user().id());
            } else {
                state.remarks.put(f.user().id(), text.strip());
            }
        }
        state.event(text.isBlank() ? texts.get("chat.remark_cleared", f.user().username())
                : texts.get("chat.remark_set", f.user().username(), text.strip()));
    }

    private void help(List<String> args) {
        if (!args.isEmpty()) {
            SlashCommand c = SlashCommand.named(args.getFirst().replaceFirst("^/", ""));
            if (c == null) {
                state.event(texts.get("chat.unknown_command", args.getFirst()));
            } else {
                state.event(c.usage() + " — " + texts.get("cmd." + c.word));
            }
            return;
        }
        List<String> lines = new ArrayList<>();
        for (SlashCommand c : SlashCommand.values()) {
            lines.add(String.format("%-32s %s", c.usage(), texts.get("cmd." + c.word)));
        }
        lines.add("");
        lines.addAll(List.of(texts.get("chat.keys").split("\\|")));
        panel(texts.get("chat.title.help"), lines);
    }

    /** Opens the direct conversation with {@code username}, or a draft that the first message creates. */
    void dm(String username) {
        String name = username.startsWith("@") ? username.substring(1) : username;
        if (name.equalsIgnoreCase(state.myName)) {
            state.event(texts.get("error.message.to_self"));
            return;
        }
        ChatConversation existing = null;
        synchronized (state) {
            for (ChatConversation c : state.conversations.values()) {
                if (c.direct() && name.equalsIgnoreCase(c.peer)) {
                    existing = c;
                }
            }
        }
        if (existing != null) {
            session.open(existing.id);
            return;
        }
        session.background(() -> {
            String stored = session.http.user(name).username();
            synchronized (state) {
                state.selected = null;
                state.draftPeer = stored;
                state.panel = null;
                state.scroll = 0;
            }
        });
    }

    private void open(String text) {
        ConversationName name = ConversationName.parse(text, texts);
        if (name instanceof ConversationName.Direct direct) {
            dm(direct.username());
            return;
        }
        session.background(() -> {
            long id = new ConversationFinder(session.http, texts).find(name);
            session.refreshConversations();
            if (!state.conversations.containsKey(id)) {
                throw new CliFailure(ExitCodes.REFUSED, texts.get("error.conversation.not_found"));
            }
            session.open(id);
        });
    }

    private void retry() {
        List<OwnSend> failed = state.visibleSends().stream().filter(OwnSend::failed).toList();
        if (failed.isEmpty()) {
            state.event(texts.get("chat.nothing_to_retry"));
            return;
        }
        for (OwnSend s : failed) {
            OwnSend again = s.retried();
            state.send(again);
            transmit(again);
        }
    }

    void panel(String title, List<String> lines) {
        synchronized (state) {
            state.panel = new ChatState.Panel(title, lines);
        }
    }

    /** Shows a group or room the user is now in (the list refresh declares where its delivery starts). */
    void show(ConversationDetailsView details) {
        session.refreshConversations();
        session.open(details.id());
    }
}
