package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.testing.Backend;
import dev.confab.server.testing.HttpJson;
import org.junit.jupiter.api.Test;

/** Without {@code admin.token} (the default) the admin API does not exist. */
class AdminDisabledTest extends ServerTestBase {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }

    @Test
    void everyAdminPathIsAnUnknownRoute() {
        String body = HttpJson.json("prefix", "nobody-", "count", 2, "password", "long enough 1");
        for (String token : new String[] {null, "", AdminSuite.ADMIN_TOKEN}) {
            for (String path : new String[] {"/api/v1/admin/bulk-accounts", "/api/v1/admin/bulk-join", "/api/v1/admin"}) {
                var r = http().post(path, token, body);
                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.errorCode()).isEqualTo("not_found");
                assertThat(r.text()).isEqualTo(http().post("/api/v1/nothing-here", token, body).text());
            }
        }
        assertThat(http().post("/api/v1/sessions", null, HttpJson.json("username", "nobody-0", "password",
                "long enough 1")).status()).isEqualTo(401);
    }
}
