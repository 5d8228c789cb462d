package dev.confab.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionOptionsTest {

    @Test
    void nodeAssignmentIsOnByDefaultWithoutSeeds() {
        ConnectionOptions defaults = ConnectionOptions.defaults();
        ConnectionOptions spelledOut = new ConnectionOptions(BackoffPolicy.defaults(), Duration.ofSeconds(20),
                Duration.ofSeconds(15), Duration.ofSeconds(10), 100, 4, 16);

        assertThat(defaults.nodeAssignment()).isTrue();
        assertThat(defaults.seeds()).isEmpty();
        assertThat(spelledOut).isEqualTo(defaults);
    }

    @Test
    void nodeAssignmentAndSeedsCanBeChanged() {
        List<URI> seeds = new ArrayList<>(List.of(URI.create("http://node-2:8080")));
        ConnectionOptions options = ConnectionOptions.defaults().withNodeAssignment(false).withSeeds(seeds)
                .withSendWindow(3);
        seeds.clear();

        assertThat(options.nodeAssignment()).isFalse();
        assertThat(options.seeds()).containsExactly(URI.create("http://node-2:8080"));
        assertThat(options.sendWindow()).isEqualTo(3);
    }

    @Test
    void rejectsSeedsThatAreNotHttpBaseUris() {
        assertThatThrownBy(() -> ConnectionOptions.defaults().withSeeds(List.of(URI.create("ws://node-2:8080"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
