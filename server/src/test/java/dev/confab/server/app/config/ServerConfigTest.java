package dev.confab.server.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsGiveAnEmbeddedSqliteServerOn8080() {
        ServerConfig config = ServerConfig.from(ConfigValues.load(null, Map.of(), Map.of()));
        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.database().jdbcUrl()).startsWith("jdbc:sqlite:").endsWith("data/confab.db");
        assertThat(config.ws().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void laterSourcesWin() throws Exception {
        Path file = dir.resolve("confab.properties");
        Files.writeString(file, "server.port=9000\nmessages.max-body-chars=10\n");
        ServerConfig config = ServerConfig.from(ConfigValues.load(file,
                Map.of("CONFAB_SERVER_PORT", "9100", "CONFAB_WS_IDLE_TIMEOUT", "2m"), Map.of("server.port", "9200")));
        assertThat(config.server().port()).isEqualTo(9200);
        assertThat(config.messages().maxBodyChars()).isEqualTo(10);
        assertThat(config.ws().idleTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void errorsNameTheKey() throws Exception {
        assertThatThrownBy(() -> ServerConfig.from(ConfigValues.load(null, Map.of(), Map.of("server.port", "eighty"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("server.port");
        assertThatThrownBy(() -> ServerConfig.from(ConfigValues.load(null, Map.of(), Map.of("ws.idle-timeout", "soon"))))
                .hasMessageContaining("ws.idle-timeout");
        assertThatThrownBy(() -> ServerConfig.from(ConfigValues.load(null, Map.of(), Map.of("auth.argon2-memory-kib", "1024"))))
                .hasMessageContaining("auth.argon2-memory-kib");
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "server.prot=9000\n");
        assertThatThrownBy(() -> ConfigValues.load(file, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("server.prot");
        assertThatThrownBy(() -> ServerConfig.from(ConfigValues.load(null, Map.of(), Map.of("db.url", "jdbc:mysql://x"))))
                .hasMessageContaining("db.url");
    }

    @Test
    void theExampleFileDocumentsEveryKeyWithItsDefault() throws Exception {
        Path example = Path.of("..", "confab.example.properties");
        assertThat(Files.readString(example))
                .as("confab.example.properties is generated: ./confab config example > confab.example.properties")
                .isEqualTo(ConfigKeys.exampleFile());
        ServerConfig fromExample = ServerConfig.from(ConfigValues.load(example, Map.of(), Map.of()));
        assertThat(fromExample).isEqualTo(ServerConfig.from(ConfigValues.load(null, Map.of(), Map.of())));
    }
}
