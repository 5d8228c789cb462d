package dev.confab.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.cli.client.UserNames;
import dev.confab.protocol.model.ConversationView;
import dev.confab.protocol.model.UserView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tab completion: of command names, then of what each command's arguments name. */
class CompletionTest {
    private static final Instant NOW = Instant.parse("2026-11-21T20:30:00Z");

    @Test
    void oneMatchCompletesTheWordAndAddsASpace() {
        Completion c = Completion.of("/fri", List.of("/friends", "/dm"));
        assertThat(c.text()).isEqualTo("/friends ");
        assertThat(c.candidates()).isEmpty();
    }

    @Test
    void severalMatchesCompleteTheirCommonPrefixAndAreListed() {
        Completion c = Completion.of("/dm ca", List.of("carol", "Carla", "dave"));
        assertThat(c.text()).isEqualTo("/dm car");
        assertThat(c.candidates()).containsExactly("Carla", "carol");
    }

    @Test
    void matchingIgnoresCaseAndKeepsTheWordsOwnSpelling() {
        assertThat(Completion.of("/dm BO", List.of("bob")).text()).isEqualTo("/dm bob ");
        assertThat(Completion.of("/join 读", List.of("读书会", "book")).text()).isEqualTo("/join 读书会 ");
    }

    @Test
    void noMatchLeavesTheTextAsItIs() {
        Completion c = Completion.of("/dm zed", List.of("bob"));
        assertThat(c.text()).isEqualTo("/dm zed");
        assertThat(c.candidates()).isEmpty();
    }

    @Test
    void theFirstWordCompletesToCommands() {
        ChatState state = state();
        assertThat(Completion.wordsFor("/", state)).contains("/help", "/dm", "/join", "/quit");
        assertThat(Completion.wordsFor("", state)).hasSize(SlashCommand.values().length);
    }

    @Test
    void argumentsCompleteToWhatTheCommandTakes() {
        ChatState state = state();
        assertThat(Completion.wordsFor("/dm ", state)).containsExactly("bob", "carol");
        assertThat(Completion.wordsFor("/invite bob c", state)).containsExactly("bob", "carol");
        assertThat(Completion.wordsFor("/join ", state)).containsExactly("book-talk");
        assertThat(Completion.wordsFor("/help d", state)).contains("dm", "decline", "disband");
        assertThat(Completion.wordsFor("/open ", state)).containsExactlyInAnyOrder("@bob", "Book club");
        assertThat(Completion.wordsFor("/group ", state)).containsExactly("create");
        assertThat(Completion.wordsFor("/group create \"Book club\" ", state)).containsExactly("bob", "carol");
        assertThat(Completion.wordsFor("/leave ", state)).isEmpty();
        assertThat(Completion.wordsFor("/nonsense ", state)).isEmpty();
    }

    /** alice, a friend bob, a known user carol, a room and a group. */
    private static ChatState state() {
        UserNames names = new UserNames();
        names.learn(new UserView(1, "alice", null, null));
        names.learn(new UserView(3, "carol", null, null));
        ChatState state = new ChatState(1, "alice", "http://127.0.0.1:8080", names, Clock.fixed(NOW, ZoneOffset.UTC));
        state.friends.add("bob");
        state.rooms.add("book-talk");
        state.merge(new ConversationView(10, "DIRECT", new UserView(2, "bob", null, null), null, 1, 1, 0, null, NOW));
        state.merge(new ConversationView(11, "GROUP", null, "Book club", 1, 1, 0, null, NOW));
        return state;
    }
}
