package dev.confab.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.cli.client.Texts;
import dev.confab.cli.client.UserNames;
import dev.confab.protocol.model.ConversationView;
import dev.confab.protocol.model.MessageView;
import dev.confab.protocol.model.ReceiptView;
import dev.confab.protocol.model.UserView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/**
 * The renderer's width logic, checked on its own rows rather than through a terminal emulator (the
 * test emulator counts an emoji as one column): Chinese characters and emoji take two columns, a cut
 * never splits one, and no row of the screen is wider than the screen.
 */
class ChatRendererTest {
    private static final Instant NOW = Instant.parse("2026-11-21T20:30:00Z");
    private static final String CHINESE = "你好世界";
    private static final String EMOJI = "\uD83D\uDE00\uD83C\uDF89"; // 😀🎉

    @Test
    void chineseAndEmojiTakeTwoColumnsEach() {
        assertThat(new AttributedString(CHINESE).columnLength()).isEqualTo(8);
        assertThat(new AttributedString(EMOJI).columnLength()).isEqualTo(4);
        assertThat(new AttributedString("a你😀b").columnLength()).isEqualTo(6);
    }

    @Test
    void fittingNeverSplitsAWideCharacter() {
        for (String text : List.of(CHINESE, EMOJI + EMOJI, "a你😀b好🎉c")) {
            for (int width = 0; width <= 12; width++) {
                String fitted = ChatRenderer.fit(new AttributedString(text), width).toString();
                assertThat(new AttributedString(fitted).columnLength()).as("%s in %d", text, width).isLessThanOrEqualTo(width);
                assertThat(text).as("%s in %d", text, width).startsWith(fitted);
                assertWhole(fitted);
                int next = text.length() > fitted.length() ? text.codePointAt(fitted.length()) : -1;
                if (next >= 0) {
                    // it stopped only because the next character would not fit
                    assertThat(new AttributedString(fitted + Character.toString(next)).columnLength()).isGreaterThan(width);
                }
            }
        }
        assertThat(ChatRenderer.fit(new AttributedString(CHINESE), 5).toString()).isEqualTo("你好");
        assertThat(ChatRenderer.fit(new AttributedString(EMOJI), 3).toString()).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void paddingFillsExactlyTheWidth() {
        for (int width = 1; width <= 10; width++) {
            AttributedString padded = ChatRenderer.pad(new AttributedString("x" + CHINESE), width);
            assertThat(padded.columnLength()).as("width %d", width).isEqualTo(width);
        }
    }

    @Test
    void wrappingKeepsEveryCharacterWholeAndInOrder() {
        String text = "hello 你好 " + EMOJI + " world 世界" + EMOJI + "end";
        for (int width = 2; width <= 20; width++) {
            List<AttributedString> rows = ChatRenderer.wrap(new AttributedString(text), width);
            StringBuilder joined = new StringBuilder();
            for (AttributedString row : rows) {
                assertThat(row.columnLength()).as("width %d: %s", width, row).isLessThanOrEqualTo(width);
                assertWhole(row.toString());
                joined.append(row);
            }
            assertThat(joined.toString()).as("width %d", width).isEqualTo(text);
        }
    }

    @Test
    void noRowIsWiderThanTheScreenWhateverTheSize() {
        ChatState state = wideState();
        InputLine input = new InputLine();
        input.insert("我在输入 " + EMOJI + " and typing a long line that scrolls sideways 很长很长很长");
        ChatRenderer renderer = new ChatRenderer(Texts.chinese(), ZoneOffset.UTC);
        for (int width = 10; width <= 130; width += 3) {
            for (int height : new int[] {5, 8, 24}) {
                ChatRenderer.Frame frame = renderer.render(state, input, width, height);
                assertThat(frame.rows()).hasSize(height);
                for (AttributedString row : frame.rows()) {
                    assertThat(row.columnLength()).as("%dx%d: %s", width, height, row).isLessThanOrEqualTo(width);
                    assertWhole(row.toString());
                }
                assertThat(frame.cursorColumn()).isBetween(0, width - 1);
            }
        }
    }

    @Test
    void wideTextShowsWholeOnAWideScreen() {
        ChatRenderer.Frame frame = new ChatRenderer(Texts.english(), ZoneOffset.UTC)
                .render(wideState(), new InputLine(), 120, 20);
        String screen = String.join("\n", frame.rows().stream().map(AttributedString::toString).toList());
        assertThat(screen).contains("20:30 bob: 你好 " + EMOJI + " 再见");
        assertThat(screen).contains("20:30 alice: 好的" + EMOJI + " [sent]");
        assertThat(screen).contains("  读书会" + EMOJI + "很长的名字 (3)|"); // the title cut to fit beside its count
        assertThat(screen).contains(" [connected] · bob 上线了");
    }

    @Test
    void ownMessagesInAGroupSayHowManyHaveReadOrReceivedThem() {
        ChatState state = wideState();
        ChatRenderer renderer = new ChatRenderer(Texts.english(), ZoneOffset.UTC);
        ChatConversation group = state.conversations.get(11L);
        assertThat(renderer.ownMark(group, 3, 1)).isEqualTo("[sent]");
        state.receipt(new ReceiptView(11, 1, 3, 3)); // alice's own position never counts
        state.receipt(new ReceiptView(11, 2, 3, 0));
        assertThat(renderer.ownMark(group, 3, 1)).isEqualTo("[delivered to 1]");
        state.receipt(new ReceiptView(11, 3, 0, 3)); // read counts as delivered too
        assertThat(renderer.ownMark(group, 3, 1)).isEqualTo("[read by 1]");
        assertThat(group.reach(3, 1)).isEqualTo(new ChatConversation.Reach(1, 2));
        state.receipt(new ReceiptView(11, 4, 2, 2)); // behind this message
        state.receipt(new ReceiptView(11, 2, 3, 3));
        assertThat(renderer.ownMark(group, 3, 1)).isEqualTo("[read by 2]");
        assertThat(new ChatRenderer(Texts.chinese(), ZoneOffset.UTC).ownMark(group, 3, 1)).isEqualTo("[2 人已读]");
        assertThat(renderer.ownMark(group, 2, 1)).isEqualTo("[read by 3]");

        ChatConversation direct = state.conversations.get(10L);
        assertThat(renderer.ownMark(direct, 2, 1)).isEqualTo("[sent]");
        state.receipt(new ReceiptView(10, 2, 2, 2));
        assertThat(renderer.ownMark(direct, 2, 1)).isEqualTo("[read]");
    }

    /** alice with a direct conversation with bob (open) and a group, full of wide characters. */
    private static ChatState wideState() {
        UserNames names = new UserNames();
        ChatState state = new ChatState(1, "alice", "http://127.0.0.1:8080", names, Clock.fixed(NOW, ZoneOffset.UTC));
        UserView bob = new UserView(2, "bob", null, null);
        names.learn(new UserView(1, "alice", null, null));
        state.merge(new ConversationView(10, "DIRECT", bob, null, 2, 2, 0, null, NOW));
        state.merge(new ConversationView(11, "GROUP", null, "读书会" + EMOJI + "很长的名字很长的名字", 3, 0, 3, null, NOW));
        state.select(10);
        state.message(new MessageView(100, 10, 1, 2, "b-1", "text/plain", "你好 " + EMOJI + " 再见", NOW));
        state.message(new MessageView(101, 10, 2, 1, "a-1", "text/plain", "好的" + EMOJI, NOW));
        state.online.put(2L, true);
        state.connection = "connected";
        state.event("bob 上线了");
        return state;
    }

    /** No surrogate pair is cut in half. */
    private static void assertWhole(String text) {
        if (!text.isEmpty()) {
            assertThat(Character.isLowSurrogate(text.charAt(0))).as("starts inside a pair: %s", text).isFalse();
            assertThat(Character.isHighSurrogate(text.charAt(text.length() - 1))).as("ends inside a pair: %s", text).isFalse();
        }
    }
}
