package dev.confab.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.model.NodeAssignment;
import dev.confab.protocol.model.NodeView;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NodeLocatorTest {
    private static final ServerAddress ASKED = new ServerAddress(URI.create("https://chat.example.org/confab"));
    private static final NodeView A = new NodeView("a", "http://a:8080", "ws://a:8080/api/v1/ws", 4);
    private static final NodeView B = new NodeView("b", "http://b:8080", "wss://b.example.org/api/v1/ws", 1);

    @Test
    void withSeveralLiveNodesTheAssignedNodesWebSocketIsDialled() {
        assertThat(NodeLocator.choose(ASKED, new NodeAssignment(B, List.of(B, A))))
                .isEqualTo(URI.create("wss://b.example.org/api/v1/ws"));
    }

    @Test
    void withOneLiveNodeTheServerThatAnsweredIsDialledAsTheClientReachedIt() {
        assertThat(NodeLocator.choose(ASKED, new NodeAssignment(A, List.of(A))))
                .isEqualTo(URI.create("wss://chat.example.org/confab/api/v1/ws"));
        assertThat(NodeLocator.choose(ASKED, new NodeAssignment(A, null)))
                .isEqualTo(URI.create("wss://chat.example.org/confab/api/v1/ws"));
    }

    @Test
    void anAssignedNodeWithoutAUsableWebSocketUrlFallsBackToTheServerThatAnswered() {
        URI asked = URI.create("wss://chat.example.org/confab/api/v1/ws");
        for (String url : new String[] {null, "http://b:8080/api/v1/ws", "ws:opaque", "not a uri"}) {
            NodeView odd = new NodeView("b", "http://b:8080", url, 0);
            assertThat(NodeLocator.choose(ASKED, new NodeAssignment(odd, List.of(odd, A)))).as(url).isEqualTo(asked);
        }
        assertThat(NodeLocator.choose(ASKED, new NodeAssignment(null, List.of(B, A)))).isEqualTo(asked);
    }

    @Test
    void whenNobodyAnswersTheBaseIsDialled() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ServerAddress base = new ServerAddress(URI.create("http://127.0.0.1:" + closedPort));
        NodeRoster roster = new NodeRoster(base, List.of(URI.create("http://127.0.0.1:" + closedPort + "/other")));
        NodeLocator locator = new NodeLocator(base, roster, HttpClient.newHttpClient(), Duration.ofSeconds(5));

        assertThat(locator.locate().get(10, TimeUnit.SECONDS)).isEqualTo(base.webSocket());
    }
}
