package dev.confab.cli.script;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.confab.cli.client.ClientCommand;
import dev.confab.cli.client.ClientSetup;
import dev.confab.cli.client.Contacts;
import dev.confab.cli.client.ConversationFinder;
import dev.confab.cli.client.ConversationName;
import dev.confab.cli.client.ExitCodes;
import dev.confab.cli.client.JsonOutput;
import dev.confab.client.ConfabHttpClient;
import dev.confab.protocol.model.ConversationDetailsView;
import dev.confab.protocol.model.ConversationView;
import dev.confab.protocol.model.MemberView;
import dev.confab.protocol.request.CreateGroupRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code confab group}: groups (invite-only conversations of friends). */
@Command(name = "group", mixinStandardHelpOptions = true,
        description = {"Lists your groups, or creates, invites to, shows or leaves one.",
                "A group is named by its title (ignoring case) or its id."},
        subcommands = {GroupCommand.Create.class, GroupCommand.Invite.class, GroupCommand.Members.class,
                GroupCommand.Leave.class})
public final class GroupCommand extends ClientCommand {
    @Option(names = "--json", description = "Print {\"groups\":[{id, title, unread, lastSeq}]}.")
    boolean json;

    @Override
    protected int execute(ClientSetup setup) {
        List<ConversationView> groups = new ConversationFinder(setup.sessionClient(), setup.texts()).all().stream()
                .filter(c -> "GROUP".equals(c.kind())).toList();
        if (json) {
            ObjectNode out = JsonOutput.object();
            var list = out.putArray("groups");
            groups.forEach(g -> list.addObject().put("id", g.id()).put("title", g.title()).put("unread", g.unread())
                    .put("lastSeq", g.lastSeq()));
            JsonOutput.print(setup, out);
        } else {
            groups.forEach(g -> setup.context().out().println(g.id() + "  " + g.title()
                    + (g.unread() > 0 ? "  (" + setup.texts().get("list.unread", g.unread()) + ")" : "")));
        }
        return ExitCodes.OK;
    }

    static long groupId(ClientSetup setup, ConfabHttpClient http, String group) {
        return new ConversationFinder(http, setup.texts()).find(new ConversationName.Group(group));
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a group with the given friends as its first members.")
    static final class Create extends ClientCommand {
        @Parameters(index = "0", paramLabel = "TITLE")
        String title;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "MEMBER", description = "Usernames of friends.")
        List<String> members = List.of();

        @Option(names = "--json", description = "Print the group as JSON.")
        boolean json;

        @Override
        protected int execute(ClientSetup setup) {
            ConfabHttpClient http = setup.sessionClient();
            List<Long> ids = new Contacts(http, setup.texts()).userIds(members);
            ConversationDetailsView group = http.groups().createGroup(new CreateGroupRequest(title, null, null, ids,
                    null, null, null));
            if (json) {
                JsonOutput.print(setup, group);
            } else {
                setup.context().out().println(setup.texts().get("group.created", group.title(), group.id()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "invite", mixinStandardHelpOptions = true, description = "Adds friends to a group.")
    static final class Invite extends ClientCommand {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "USER")
        List<String> users;

        @Override
        protected int execute(ClientSetup setup) {
            ConfabHttpClient http = setup.sessionClient();
            long id = groupId(setup, http, group);
            http.groups().invite(id, new Contacts(http, setup.texts()).userIds(users));
            setup.context().out().println(setup.texts().get("group.invited", String.join(", ", users)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "members", mixinStandardHelpOptions = true, description = "Lists a group's members.")
    static final class Members extends ClientCommand {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Option(names = "--json", description = "Print the member list as JSON.")
        boolean json;

        @Override
        protected int execute(ClientSetup setup) {
            ConfabHttpClient http = setup.sessionClient();
            var members = http.groups().members(groupId(setup, http, group));
            if (json) {
                JsonOutput.print(setup, members);
            } else {
                for (MemberView m : members.members()) {
                    setup.context().out().println(m.user().username() + "  " + m.role());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "leave", mixinStandardHelpOptions = true, description = "Leaves a group.")
    static final class Leave extends ClientCommand {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Override
        protected int execute(ClientSetup setup) {
            ConfabHttpClient http = setup.sessionClient();
            http.groups().leave(groupId(setup, http, group));
            setup.context().out().println(setup.texts().get("group.left", group));
            return ExitCodes.OK;
        }
    }
}
