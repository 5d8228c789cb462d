package dev.confab.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void apiPathsHangUnderApiV1() {
        ServerAddress address = new ServerAddress(URI.create("http://localhost:8080"));

        assertThat(address.http("/me")).isEqualTo(URI.create("http://localhost:8080/api/v1/me"));
        assertThat(address.webSocket()).isEqualTo(URI.create("ws://localhost:8080/api/v1/ws"));
    }

    @Test
    void keepsAPathPrefixAndDropsTrailingSlashes() {
        ServerAddress address = new ServerAddress(URI.create("https://chat.example.org/confab/"));

        assertThat(address.http("/conversations/3/messages?after=2&limit=10"))
                .isEqualTo(URI.create("https://chat.example.org/confab/api/v1/conversations/3/messages?after=2&limit=10"));
        assertThat(address.webSocket()).isEqualTo(URI.create("wss://chat.example.org/confab/api/v1/ws"));
    }

    @Test
    void encodesPathSegmentsAndQueryValues() {
        assertThat(ServerAddress.encode("a b/c")).isEqualTo("a%20b%2Fc");
        assertThat(ServerAddress.encode("1,2")).isEqualTo("1%2C2");
    }

    @Test
    void rejectsBasesThatAreNotHttp() {
        assertThatThrownBy(() -> new ServerAddress(URI.create("ws://localhost:8080")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServerAddress(URI.create("localhost:8080")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
