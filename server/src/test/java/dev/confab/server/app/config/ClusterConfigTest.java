package dev.confab.server.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.server.accounts.SessionPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/confab";

    private static ServerConfig config(Map<String, String> flags) {
        return ServerConfig.from(ConfigValues.load(null, Map.of(), flags));
    }

    @Test
    void aServerWithoutRedisIsASingleNodeWhoseIdIsPickedAtStart() {
        ServerConfig.Cluster cluster = config(Map.of()).cluster();
        assertThat(cluster.enabled()).isFalse();
        assertThat(cluster.nodeId()).isEmpty();
        assertThat(config(Map.of()).accounts().sessionPolicy()).isEqualTo(SessionPolicy.MULTI_DEVICE);
    }

    @Test
    void clusterSettingsAreReadAndChecked() {
        ServerConfig.Cluster cluster = config(Map.of("db.url", PG, "cluster.redis-url", "redis://127.0.0.1:6379",
                "cluster.node-id", "eu-1", "cluster.heartbeat-interval", "1s", "cluster.node-ttl", "5s")).cluster();
        assertThat(cluster.enabled()).isTrue();
        assertThat(cluster.nodeId()).isEqualTo("eu-1");
        assertThat(cluster.keyPrefix()).isEqualTo("confab:");
        assertThat(cluster.nodeTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(cluster.resyncSpread()).isEqualTo(Duration.ofSeconds(5));
        assertThat(cluster.resyncMaxAccounts()).isEqualTo(100_000);
    }

    @Test
    void badClusterSettingsNameTheirKey() {
        assertThatThrownBy(() -> config(Map.of("cluster.redis-url", "redis://127.0.0.1:6379")))
                .hasMessageContaining("cluster.redis-url").hasMessageContaining("PostgreSQL");
        assertThatThrownBy(() -> config(Map.of("db.url", PG, "cluster.redis-url", "http://redis")))
                .hasMessageContaining("cluster.redis-url");
        assertThatThrownBy(() -> config(Map.of("cluster.node-id", "no spaces please")))
                .hasMessageContaining("cluster.node-id");
        assertThatThrownBy(() -> config(Map.of("cluster.heartbeat-interval", "5s", "cluster.node-ttl", "6s")))
                .hasMessageContaining("cluster.node-ttl");
        assertThatThrownBy(() -> config(Map.of("cluster.resync-spread", "PT-1S")))
                .hasMessageContaining("cluster.resync-spread");
        assertThatThrownBy(() -> config(Map.of("cluster.resync-max-accounts", "-1")))
                .hasMessageContaining("cluster.resync-max-accounts");
        assertThatThrownBy(() -> config(Map.of("auth.session-policy", "one")))
                .hasMessageContaining("auth.session-policy");
    }

    @Test
    void sessionPolicyCanBeSingleSession() {
        assertThat(config(Map.of("auth.session-policy", "single-session")).accounts().sessionPolicy())
                .isEqualTo(SessionPolicy.SINGLE_SESSION);
    }

    @Test
    void libpqStyleDatabaseUrlsBecomeJdbcUrlsWithCredentials() {
        ServerConfig c = config(Map.of("db.url", "postgresql://chat:s%40cret@db.example:5433/confab?sslmode=require"));
        assertThat(c.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/confab?sslmode=require");
        assertThat(c.database().user()).isEqualTo("chat");
        assertThat(c.database().password()).isEqualTo("s@cret");
        ServerConfig explicit = config(Map.of("db.url", "postgres://chat@db.example/confab", "db.user", "other"));
        assertThat(explicit.database().user()).as("db.user wins over the URL").isEqualTo("other");
        assertThat(explicit.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db.example/confab");
    }
}
