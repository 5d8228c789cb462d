package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.testing.HttpJson;
import org.junit.jupiter.api.Test;

/** Registration, login and session management over HTTP, as a client sees them. */
abstract class AccountsSuite extends ServerTestBase {

    @Test
    void usernamesAreUniqueIgnoringCase() {
        String name = uniqueName("Carol");
        assertThat(http().post("/api/v1/accounts", null, HttpJson.json("username", name, "password", "long enough 1")).status())
                .isEqualTo(201);
        var again = http().post("/api/v1/accounts", null,
                HttpJson.json("username", name.toUpperCase(), "password", "long enough 1"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("account.username_taken");
    }

    @Test
    void badRegistrationsGetSpecificCodes() {
        assertThat(register("a", "long enough 1").errorCode()).isEqualTo("account.invalid_username");
        assertThat(register("has space", "long enough 1").errorCode()).isEqualTo("account.invalid_username");
        assertThat(register(uniqueName("d"), "short").errorCode()).isEqualTo("account.invalid_password");
        var email = http().post("/api/v1/accounts", null,
                HttpJson.json("username", uniqueName("e"), "password", "long enough 1", "email", "not-an-email"));
        assertThat(email.errorCode()).isEqualTo("account.invalid_email");
        var phone = http().post("/api/v1/accounts", null,
                HttpJson.json("username", uniqueName("p"), "password", "long enough 1", "phone", "12"));
        assertThat(phone.errorCode()).isEqualTo("account.invalid_phone");
        var notJson = http().post("/api/v1/accounts", null, "{oops");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.errorCode()).isEqualTo("request.invalid_json");
        var wrongType = http().post("/api/v1/accounts", null, "{\"username\":[1],\"password\":\"long enough 1\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(http().get("/api/v1/nothing-here", null).errorCode()).isEqualTo("not_found");
    }

    @Test
    void longPasswordsAreUsedWhole() {
        String name = uniqueName("f");
        String password = "p".repeat(100);
        assertThat(register(name, password).status()).isEqualTo(201);
        var truncated = http().post("/api/v1/sessions", null, HttpJson.json("username", name, "password", "p".repeat(99)));
        assertThat(truncated.status()).isEqualTo(401);
        assertThat(http().post("/api/v1/sessions", null, HttpJson.json("username", name, "password", password)).status())
                .isEqualTo(201);
    }

    @Test
    void unknownUserAndWrongPasswordLookTheSame() {
        String name = uniqueName("g");
        register(name, "long enough 1");
        var wrong = http().post("/api/v1/sessions", null, HttpJson.json("username", name, "password", "long enough 2"));
        var unknown = http().post("/api/v1/sessions", null, HttpJson.json("username", name + "x", "password", "long enough 2"));
        assertThat(wrong.status()).isEqualTo(unknown.status()).isEqualTo(401);
        assertThat(wrong.text()).isEqualTo(unknown.text());
    }

    @Test
    void sessionsAreListedPerDeviceAndCanBeEnded() {
        User alice = newUser("alice", "phone");
        User laptop = login(alice, "laptop");
        User laptopAgain = login(alice, "laptop");
        var list = http().get("/api/v1/sessions", alice.token()).body().path("sessions");
        assertThat(list).hasSize(2);
        assertThat(list.findValuesAsText("deviceId")).containsExactlyInAnyOrder("phone", "laptop");
        assertThat(http().get("/api/v1/me", laptop.token()).status()).as("replaced by the same device").isEqualTo(401);
        String laptopSession = http().get("/api/v1/me", laptopAgain.token()).status() == 200
                ? findSession(alice, "laptop") : null;
        assertThat(http().delete("/api/v1/sessions/" + laptopSession, alice.token()).status()).isEqualTo(204);
        assertThat(http().get("/api/v1/me", laptopAgain.token()).status()).isEqualTo(401);
        assertThat(http().delete("/api/v1/sessions/" + laptopSession, alice.token()).errorCode()).isEqualTo("session.not_found");
        var me = http().get("/api/v1/me", alice.token()).body();
        assertThat(me.path("username").asText()).isEqualTo(alice.username());
    }

    @Test
    void operationsEndpointsAnswer() {
        assertThat(http().get("/health", null).status()).isEqualTo(200);
        assertThat(http().get("/ready", null).status()).isEqualTo(200);
        var openapi = http().get("/api/v1/openapi.yaml", null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.text()).contains("/api/v1/sessions");
    }

    private String findSession(User user, String deviceId) {
        for (var s : http().get("/api/v1/sessions", user.token()).body().path("sessions")) {
            if (s.path("deviceId").asText().equals(deviceId)) {
                return s.path("id").asText();
            }
        }
        throw new AssertionError("no session for " + deviceId);
    }

    private dev.confab.server.testing.HttpJson.Response register(String name, String password) {
        return http().post("/api/v1/accounts", null, HttpJson.json("username", name, "password", password));
    }
}
