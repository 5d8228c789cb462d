package dev.confab.cli.script;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.confab.cli.client.ClientCommand;
import dev.confab.cli.client.ClientSetup;
import dev.confab.cli.client.Contacts;
import dev.confab.cli.client.ExitCodes;
import dev.confab.cli.client.JsonOutput;
import dev.confab.client.ConfabHttpClient;
import dev.confab.protocol.model.FriendRequestView;
import dev.confab.protocol.model.FriendView;
import dev.confab.protocol.model.PresenceView;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code confab friends}: the friend list, friend requests and blocks. */
@Command(name = "friends", mixinStandardHelpOptions = true,
        description = "Lists your friends (with presence), or changes them with a subcommand.",
        subcommands = {FriendsCommand.ListFriends.class, FriendsCommand.Add.class, FriendsCommand.Requests.class, FriendsCommand.Accept.class,
                FriendsCommand.Decline.class, FriendsCommand.Remove.class, FriendsCommand.Block.class,
                FriendsCommand.Unblock.class})
public final class FriendsCommand extends ClientCommand {
    @Option(names = "--json", description = "Print {\"friends\":[{id, username, displayName, remark, since, online}]}.")
    boolean json;

    @Override
    protected int execute(ClientSetup setup) {
        return list(setup, json);
    }

    static int list(ClientSetup setup, boolean json) {
        ConfabHttpClient http = setup.sessionClient();
        List<FriendView> friends = http.friends().friends();
        Map<Long, Boolean> online = new HashMap<>();
        if (!friends.isEmpty()) {
            for (PresenceView p : http.presence(friends.stream().map(f -> f.user().id()).toList()).presence()) {
                online.put(p.userId(), p.online());
            }
        }
        if (json) {
            ObjectNode out = JsonOutput.object();
            ArrayNode list = out.putArray("friends");
            for (FriendView f : friends) {
                ObjectNode node = list.addObject().put("id", f.user().id()).put("username", f.user().username());
                node.put("displayName", f.user().displayName()).put("remark", f.remark())
                        .put("since", f.since().toString()).put("online", online.getOrDefault(f.user().id(), false));
            }
            JsonOutput.print(setup, out);
            return ExitCodes.OK;
        }
        PrintStream out = setup.context().out();
        if (friends.isEmpty()) {
            out.println(setup.texts().get("friends.none"));
        }
        for (FriendView f : friends) {
            String state = setup.texts().get(online.getOrDefault(f.user().id(), false) ? "presence.word_online"
                    : "presence.word_offline");
            String shown = f.remark() != null ? f.remark() : f.user().displayName();
            out.println(f.user().username() + (shown == null ? "" : " (" + shown + ")") + "  " + state);
        }
        return ExitCodes.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists your friends with presence.")
    static final class ListFriends extends ClientCommand {
        @Option(names = "--json", description = "Print as JSON.")
        boolean json;

        @Override
        protected int execute(ClientSetup setup) {
            return list(setup, json);
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Sends a friend request.")
    static final class Add extends ClientCommand {
        @Parameters(index = "0", paramLabel = "USER")
        String user;

        @Parameters(index = "1..*", paramLabel = "MESSAGE", arity = "0..*", description = "An optional note.")
        List<String> message;

        @Option(names = "--json", description = "Print the request as JSON.")
        boolean json;

        @Override
        protected int execute(ClientSetup setup) {
            FriendRequestView request = new Contacts(setup.sessionClient(), setup.texts())
                    .add(user, message == null ? null : String.join(" ", message));
            return report(setup, json, request, "ACCEPTED".equals(request.status()) ? "friends.now_friends"
                    : "friends.request_sent");
        }
    }

    @Command(name = "requests", mixinStandardHelpOptions = true, description = "Lists open friend requests, to and from you.")
    static final class Requests extends ClientCommand {
        @Option(names = "--json", description = "Print {\"incoming\":[...],\"outgoing\":[...]}.")
        boolean json;

        @Override
        protected int execute(ClientSetup setup) {
            ConfabHttpClient http = setup.sessionClient();
            List<FriendRequestView> incoming = http.incomingFriendRequests().requests();
            List<FriendRequestView> outgoing = http.outgoingFriendRequests().requests();
            if (json) {
                ObjectNode out = JsonOutput.object();
                out.set("incoming", JsonOutput.tree(incoming));
                out.set("outgoing", JsonOutput.tree(outgoing));
                JsonOutput.print(setup, out);
                return ExitCodes.OK;
            }
            PrintStream out = setup.context().out();
            incoming.forEach(r -> out.println(setup.texts().get("friends.incoming", r.from().username(),
                    r.message() == null ? "" : r.message())));
            outgoing.forEach(r -> out.println(setup.texts().get("friends.outgoing", r.to().username())));
            if (incoming.isEmpty() && outgoing.isEmpty()) {
                out.println(setup.texts().get("friends.no_requests"));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true, description = "Accepts USER's friend request.")
    static final class Accept extends UserAction {
        @Override
        protected int execute(ClientSetup setup) {
            return report(setup, json, contacts(setup).accept(user), "friends.now_friends");
        }
    }

    @Command(name = "decline", mixinStandardHelpOptions = true, description = "Declines USER's friend request.")
    static final class Decline extends UserAction {
        @Override
        protected int execute(ClientSetup setup) {
            return report(setup, json, contacts(setup).decline(user), "friends.declined");
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Ends the friendship with USER.")
    static final class Remove extends UserAction {
        @Override
        protected int execute(ClientSetup setup) {
            contacts(setup).remove(user);
            return report(setup, json, null, "friends.removed");
        }
    }

    @Command(name = "block", mixinStandardHelpOptions = true, description = "Blocks USER (they are not told).")
    static final class Block extends UserAction {
        @Override
        protected int execute(ClientSetup setup) {
            contacts(setup).block(user);
            return report(setup, json, null, "friends.blocked");
        }
    }

    @Command(name = "unblock", mixinStandardHelpOptions = true, description = "Unblocks USER.")
    static final class Unblock extends UserAction {
        @Override
        protected int execute(ClientSetup setup) {
            contacts(setup).unblock(user);
            return report(setup, json, null, "friends.unblocked");
        }
    }

    /** A subcommand about one user. */
    abstract static class UserAction extends ClientCommand {
        @Parameters(index = "0", paramLabel = "USER")
        String user;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        Contacts contacts(ClientSetup setup) {
            return new Contacts(setup.sessionClient(), setup.texts());
        }

        int report(ClientSetup setup, boolean json, FriendRequestView request, String key) {
            return FriendsCommand.report(setup, json, request, key, user);
        }
    }

    static int report(ClientSetup setup, boolean json, FriendRequestView request, String key) {
        return report(setup, json, request, key, request.to().username());
    }

    private static int report(ClientSetup setup, boolean json, FriendRequestView request, String key, String user) {
        if (json) {
            ObjectNode out = JsonOutput.object().put("ok", true).put("user", user);
            if (request != null) {
                out.set("request", JsonOutput.tree(request));
            }
            JsonOutput.print(setup, out);
        } else {
            setup.context().out().println(setup.texts().get(key, user));
        }
        return ExitCodes.OK;
    }
}
