package dev.confab.cli.script;

import dev.confab.cli.client.ClientCommand;
import dev.confab.cli.client.ClientSetup;
import dev.confab.cli.client.ConversationFinder;
import dev.confab.cli.client.ExitCodes;
import dev.confab.cli.client.JsonOutput;
import dev.confab.client.ConfabHttpClient;
import dev.confab.protocol.model.ConversationDetailsView;
import dev.confab.protocol.model.RoomList;
import dev.confab.protocol.request.CreateRoomRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code confab rooms}: the public room directory, creating, joining and leaving rooms. */
@Command(name = "rooms", mixinStandardHelpOptions = true,
        description = {"Lists public rooms, or creates, joins or leaves one. A room is named by its alias or id."},
        subcommands = {RoomsCommand.ListRooms.class, RoomsCommand.Create.class, RoomsCommand.Join.class,
                RoomsCommand.Leave.class})
public final class RoomsCommand extends ClientCommand {
    /** Rooms asked of the directory at once (the server caps it at rooms.directory-page-size). */
    static final int DIRECTORY_LIMIT = 100;

    @Option(names = "--json", description = "Print the directory as JSON ({\"rooms\":[...]}).")
    boolean json;

    @Override
    protected int execute(ClientSetup setup) {
        return list(setup, null, json);
    }

    static int list(ClientSetup setup, String prefix, boolean json) {
        RoomList rooms = setup.sessionClient().groups().rooms(prefix, DIRECTORY_LIMIT);
        if (json) {
            JsonOutput.print(setup, rooms);
            return ExitCodes.OK;
        }
        if (rooms.rooms().isEmpty()) {
            setup.context().out().println(setup.texts().get("rooms.none"));
        }
        for (ConversationDetailsView room : rooms.rooms()) {
            setup.context().out().println("#" + room.alias() + "  " + room.title() + "  "
                    + setup.texts().get("rooms.members", room.memberCount(), room.capacity()));
        }
        return ExitCodes.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists rooms whose alias or title starts with PREFIX.")
    static final class ListRooms extends ClientCommand {
        @Parameters(index = "0", arity = "0..1", paramLabel = "PREFIX")
        String prefix;

        @Option(names = "--json", description = "Print as JSON.")
        boolean json;

        @Override
        protected int execute(ClientSetup setup) {
            return list(setup, prefix, json);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a public room.")
    static final class Create extends ClientCommand {
        @Parameters(index = "0", paramLabel = "ALIAS", description = "The room's public id: 3-32 of a-z 0-9 . _ -")
        String alias;

        @Option(names = "--title", description = "The room's title (default: the alias).")
        String title;

        @Option(names = "--topic", description = "The room's topic.")
        String topic;

        @Option(names = "--json", description = "Print the room as JSON.")
        boolean json;

        @Override
        protected int execute(ClientSetup setup) {
            ConversationDetailsView room = setup.sessionClient().groups().createRoom(new CreateRoomRequest(alias,
                    title == null ? alias : title, topic, null, null, null, null, null));
            return print(setup, room, json, "rooms.created");
        }
    }

    @Command(name = "join", mixinStandardHelpOptions = true, description = "Joins a room by alias or id.")
    static final class Join extends ClientCommand {
        @Parameters(index = "0", paramLabel = "ROOM")
        String room;

        @Option(names = "--json", description = "Print the room as JSON.")
        boolean json;

        @Override
        protected int execute(ClientSetup setup) {
            String name = room.startsWith("#") ? room.substring(1) : room;
            return print(setup, setup.sessionClient().groups().joinRoom(name), json, "rooms.joined");
        }
    }

    @Command(name = "leave", mixinStandardHelpOptions = true, description = "Leaves a room (alias or id).")
    static final class Leave extends ClientCommand {
        @Parameters(index = "0", paramLabel = "ROOM")
        String room;

        @Override
        protected int execute(ClientSetup setup) {
            ConfabHttpClient http = setup.sessionClient();
            String name = room.startsWith("#") ? room.substring(1) : room;
            http.groups().leave(new ConversationFinder(http, setup.texts()).room(name));
            setup.context().out().println(setup.texts().get("rooms.left", name));
            return ExitCodes.OK;
        }
    }

    private static int print(ClientSetup setup, ConversationDetailsView room, boolean json, String key) {
        if (json) {
            JsonOutput.print(setup, room);
        } else {
            setup.context().out().println(setup.texts().get(key, room.alias(), room.title(), room.id()));
        }
        return ExitCodes.OK;
    }
}
