package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.testing.Backend;
import dev.confab.server.testing.HttpJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With conversations.readable-after-disband=false, a disbanded room's history closes for its members. */
class HistoryAfterDisbandTest extends ServerTestBase {

    @Override
    Backend backend() {
        return Backend.SQLITE;
    }

    @Override
    Map<String, String> overrides() {
        return Map.of("conversations.readable-after-disband", "false");
    }

    @Test
    void historyClosesWhenConfigured() {
        User host = newUser("host");
        User guest = newUser("guest");
        long room = http().post("/api/v1/rooms", host.token(), HttpJson.json("alias", "closing", "title", "Closing"))
                .body().path("id").asLong();
        assertThat(http().post("/api/v1/rooms/closing/join", guest.token(), null).status()).isEqualTo(200);
        http().post("/api/v1/messages", host.token(), HttpJson.json("clientMessageId", "x", "conversationId", room, "body", "bye"));
        String messages = "/api/v1/conversations/" + room + "/messages?after=0";
        assertThat(http().get(messages, guest.token()).status()).isEqualTo(200);
        assertThat(http().post("/api/v1/conversations/" + room + "/disband", host.token(), null).status()).isEqualTo(204);
        assertThat(http().get(messages, guest.token()).errorCode()).isEqualTo("conversation.disbanded");
        assertThat(http().post("/api/v1/conversations/" + room + "/leave", guest.token(), null).status())
                .as("members can still leave it").isEqualTo(204);
    }
}
