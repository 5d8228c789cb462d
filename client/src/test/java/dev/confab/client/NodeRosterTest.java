package dev.confab.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.model.NodeAssignment;
import dev.confab.protocol.model.NodeView;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NodeRosterTest {
    private static final ServerAddress BASE = new ServerAddress(URI.create("http://base:8080/"));

    private static NodeView node(String host) {
        return new NodeView(host, "http://" + host + ":8080", "ws://" + host + ":8080/api/v1/ws", 0);
    }

    private static List<URI> bases(NodeRoster roster) {
        return roster.candidates().stream().map(ServerAddress::base).toList();
    }

    @Test
    void asksTheBaseFirstThenTheSeeds() {
        NodeRoster roster = new NodeRoster(BASE, List.of(URI.create("http://seed:8080"), URI.create("http://base:8080")));

        assertThat(bases(roster)).containsExactly(URI.create("http://base:8080"), URI.create("http://seed:8080"));
    }

    @Test
    void remembersEveryNamedNodeTheLatestAnswersFirst() {
        NodeRoster roster = new NodeRoster(BASE, List.of());

        roster.learn(new NodeAssignment(node("b"), List.of(node("b"), node("c"), node("base"))));
        roster.learn(new NodeAssignment(node("d"), List.of(node("d"), node("c"))));

        assertThat(bases(roster)).containsExactly(URI.create("http://base:8080"), URI.create("http://d:8080"),
                URI.create("http://c:8080"), URI.create("http://b:8080"));
    }

    @Test
    void skipsNodeUrlsItCannotUse() {
        NodeRoster roster = new NodeRoster(BASE, List.of());

        roster.learn(new NodeAssignment(null, List.of(
                new NodeView("x", "ws://x:8080", "ws://x:8080/api/v1/ws", 0),
                new NodeView("y", null, null, 0),
                new NodeView("z", "not a uri", null, 0),
                node("ok"))));
        roster.learn(new NodeAssignment(null, null));

        assertThat(bases(roster)).containsExactly(URI.create("http://base:8080"), URI.create("http://ok:8080"));
    }

    @Test
    void keepsABoundedNumberOfLearnedNodes() {
        NodeRoster roster = new NodeRoster(BASE, List.of());

        roster.learn(new NodeAssignment(null, IntStream.range(0, NodeRoster.MAX_LEARNED + 10)
                .mapToObj(i -> node("n" + i)).toList()));

        assertThat(roster.candidates()).hasSize(NodeRoster.MAX_LEARNED + 1);
    }
}
