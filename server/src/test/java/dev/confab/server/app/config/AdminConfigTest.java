package dev.confab.server.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.server.accounts.AdminToken;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminConfigTest {

    private static ServerConfig config(Map<String, String> flags) {
        return ServerConfig.from(ConfigValues.load(null, Map.of(), flags));
    }

    @Test
    void theAdminApiIsOffByDefault() {
        ServerConfig.Admin admin = config(Map.of()).admin();
        assertThat(admin.enabled()).isFalse();
        assertThat(admin.maxBulkAccounts()).isEqualTo(20_000);
        assertThat(AdminToken.of(admin.token()).enabled()).isFalse();
        assertThat(AdminToken.of(admin.token()).matches("")).isFalse();
    }

    @Test
    void theTokenComesFromTheEnvironmentAndIsNeverShown() {
        String token = "s3cret-admin-token-xyz";
        ServerConfig config = ServerConfig.from(ConfigValues.load(null, Map.of("CONFAB_ADMIN_TOKEN", token), Map.of()));
        assertThat(config.admin().enabled()).isTrue();
        assertThat(config.admin().token()).isEqualTo(token);
        assertThat(config.toString()).doesNotContain(token).contains("Admin[token=***");
        AdminToken admin = AdminToken.of(config.admin().token());
        assertThat(admin.toString()).doesNotContain(token);
        assertThat(admin.matches(token)).isTrue();
        assertThat(admin.matches(token + " ")).isFalse();
        assertThat(admin.matches(token.substring(1))).isFalse();
        assertThat(admin.matches(null)).isFalse();
    }

    @Test
    void weakTokensAndBadLimitsAreRefusedWithoutEchoingTheToken() {
        for (String weak : new String[] {"short", "has a space in it somewhere", "tab\tseparated-token-x", "ünïcode-token-abcdef"}) {
            assertThatThrownBy(() -> config(Map.of("admin.token", weak)))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("admin.token").hasMessageNotContaining(weak);
        }
        assertThatThrownBy(() -> config(Map.of("admin.max-bulk-accounts", "0"))).hasMessageContaining("admin.max-bulk-accounts");
        assertThat(config(Map.of("admin.max-bulk-accounts", "100000")).admin().maxBulkAccounts()).isEqualTo(100_000);
    }
}
