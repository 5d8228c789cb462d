package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.server.testing.HttpJson;
import dev.confab.server.testing.TestSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Delivered and read receipts, unread counts across devices, and typing indicators. */
abstract class ReceiptsSuite extends ServerTestBase {

    @Override
    Map<String, String> overrides() {
        return Map.of("auth.login-attempts-per-window", "1000", "ws.idle-timeout", "3h", "typing.min-interval", "1h");
    }

    @Test
    void readsReachTheSenderAndTheReadersOtherDevices() {
        User alice = newUser("alice");
        User bob = newUser("bob", "phone");
        User bobLaptop = login(bob, "laptop");
        TestSocket aliceSocket = connect(alice);
        TestSocket bobPhone = connect(bob);
        TestSocket bobSecond = connect(bobLaptop);
        long conversation = 0;
        for (int i = 1; i <= 3; i++) {
            aliceSocket.send(sendFrame("s" + i, "s" + i, bob.username(), null, "m" + i));
            conversation = aliceSocket.awaitReply("s" + i).path("ack").path("conversationId").asLong();
        }
        bobPhone.send(HttpJson.json("type", "received", "id", "d", "conversationId", conversation, "seq", 3));
        bobPhone.awaitReply("d");
        JsonNode delivered = aliceSocket.await(f -> f.path("type").asText().equals("receipt")
                && f.path("receipt").path("deliveredSeq").asLong() == 3).path("receipt");
        assertThat(delivered.path("userId").asLong()).isEqualTo(bob.id());
        assertThat(delivered.path("readSeq").asLong()).isZero();

        bobPhone.send(HttpJson.json("type", "read", "id", "r", "conversationId", conversation, "seq", 2));
        bobPhone.awaitReply("r");
        assertThat(aliceSocket.await(f -> f.path("receipt").path("readSeq").asLong() == 2).path("receipt")
                .path("userId").asLong()).isEqualTo(bob.id());
        bobSecond.await(f -> f.path("type").asText().equals("receipt") && f.path("receipt").path("readSeq").asLong() == 2);
        for (User device : new User[] {bob, bobLaptop}) {
            JsonNode entry = http().get("/api/v1/conversations", device.token()).body().path("conversations").get(0);
            assertThat(entry.path("unread").asLong()).as("unread agrees on every device").isEqualTo(1);
        }
        JsonNode receipts = http().get("/api/v1/conversations/" + conversation + "/receipts", alice.token()).body();
        JsonNode bobs = receipts.path("receipts").findParents("userId").stream()
                .filter(r -> r.path("userId").asLong() == bob.id()).findFirst().orElseThrow();
        assertThat(bobs.path("readSeq").asLong()).isEqualTo(2);
        assertThat(bobs.path("deliveredSeq").asLong()).isEqualTo(3);
        JsonNode alices = receipts.path("receipts").findParents("userId").stream()
                .filter(r -> r.path("userId").asLong() == alice.id()).findFirst().orElseThrow();
        assertThat(alices.path("readSeq").asLong()).as("a sender has read their own messages").isEqualTo(3);
        assertThat(alices.path("deliveredSeq").asLong()).as("reading implies delivery").isEqualTo(3);
    }

    @Test
    void aBlockersReceiptsAndTypingNeverReachTheBlocked() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        TestSocket aliceSocket = connect(alice);
        aliceSocket.send(sendFrame("a", "a", bob.username(), null, "before"));
        long conversation = aliceSocket.awaitReply("a").path("ack").path("conversationId").asLong();
        assertThat(http().put("/api/v1/blocks/" + alice.id(), bob.token(), null).status()).isEqualTo(204);
        aliceSocket.send(sendFrame("b", "b", bob.username(), null, "after the block"));
        aliceSocket.awaitReply("b");
        TestSocket bobSocket = connect(bob);
        bobSocket.send(HttpJson.json("type", "read", "id", "r", "conversationId", conversation, "seq", 2));
        bobSocket.awaitReply("r");
        bobSocket.send(HttpJson.json("type", "typing", "id", "t", "conversationId", conversation));
        bobSocket.awaitReply("t");
        aliceSocket.send("{\"type\":\"ping\",\"id\":\"p\"}");
        aliceSocket.awaitReply("p");
        assertThat(aliceSocket.frames()).noneMatch(f -> f.path("type").asText().equals("receipt")
                || f.path("type").asText().equals("typing"));
        JsonNode seenByAlice = http().get("/api/v1/conversations/" + conversation + "/receipts", alice.token()).body()
                .path("receipts").findParents("userId").stream().filter(r -> r.path("userId").asLong() == bob.id())
                .findFirst().orElseThrow();
        assertThat(seenByAlice.path("readSeq").asLong()).as("stops short of the withheld message").isEqualTo(1);
    }

    @Test
    void typingIsPushedOnceAndNeverStored() {
        User alice = newUser("alice");
        User bob = newUser("bob");
        TestSocket aliceSocket = connect(alice);
        aliceSocket.send(sendFrame("a", "a", bob.username(), null, "hi"));
        long conversation = aliceSocket.awaitReply("a").path("ack").path("conversationId").asLong();
        TestSocket bobSocket = connect(bob);
        for (int i = 0; i < 3; i++) {
            aliceSocket.send(HttpJson.json("type", "typing", "id", "t" + i, "conversationId", conversation));
            aliceSocket.awaitReply("t" + i);
        }
        JsonNode typing = bobSocket.awaitType("typing");
        assertThat(typing.path("userId").asLong()).isEqualTo(alice.id());
        assertThat(typing.path("expiresInMillis").asLong()).isEqualTo(5000);
        bobSocket.send("{\"type\":\"ping\",\"id\":\"p\"}");
        bobSocket.awaitReply("p");
        assertThat(bobSocket.frames().stream().filter(f -> f.path("type").asText().equals("typing")))
                .as("repeats within the interval are coalesced").hasSize(1);
        assertThat(aliceSocket.frames()).noneMatch(f -> f.path("type").asText().equals("typing"));
        assertThat(http().get("/api/v1/conversations/" + conversation + "/messages?after=0", bob.token()).body()
                .path("messages")).hasSize(1);
        User eve = newUser("eve");
        for (int i = 0; i < 2; i++) {
            assertThat(http().post("/api/v1/conversations/" + conversation + "/typing", eve.token(), null).errorCode())
                    .as("strangers are refused every time, coalesced or not").isEqualTo("conversation.not_found");
        }
    }
}
