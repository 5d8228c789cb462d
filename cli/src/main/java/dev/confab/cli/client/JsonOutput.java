package dev.confab.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.confab.protocol.WireJson;

/**
 * The {@code --json} output of the client commands: one JSON document per line on standard output,
 * with the protocol's field names and time format, so a script can parse each line on its own.
 */
public final class JsonOutput {
    private static final WireJson WIRE = new WireJson();

    private JsonOutput() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** A protocol record (a message, a friend…) as a JSON tree. */
    public static JsonNode tree(Object value) {
        return WIRE.tree(WIRE.encode(value));
    }

    /** Prints {@code value} (a tree or a protocol record) as one line. */
    public static void print(ClientSetup setup, Object value) {
        print(setup.context().out(), value);
    }

    public static void print(java.io.PrintStream out, Object value) {
        synchronized (out) {
            out.println(WIRE.encode(value));
            out.flush();
        }
    }
}
