package dev.confab.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

/** The input line: editing by whole characters, its history, and its row measured in display columns. */
class InputLineTest {
    private static final String SMILE = "\uD83D\uDE00"; // 😀, two UTF-16 chars, two columns

    @Test
    void editsWholeCharactersEvenOutsideTheBasicPlane() {
        InputLine line = new InputLine();
        line.insert("a" + SMILE + "你");
        assertThat(line.text()).isEqualTo("a" + SMILE + "你");
        line.left();
        assertThat(line.beforeCursor()).isEqualTo("a" + SMILE);
        line.backspace();
        assertThat(line.text()).isEqualTo("a你");
        line.home();
        line.delete();
        assertThat(line.text()).isEqualTo("你");
        line.end();
        line.insert("好");
        assertThat(line.beforeCursor()).isEqualTo("你好");
    }

    @Test
    void controlCharactersAreNotInserted() {
        InputLine line = new InputLine();
        line.insert("a\u001b[A\tb\u007fc\r\n");
        assertThat(line.text()).isEqualTo("a[Abc");
    }

    @Test
    void movingStopsAtTheEnds() {
        InputLine line = new InputLine();
        line.left();
        line.backspace();
        line.delete();
        line.insert("ab");
        line.right();
        line.delete();
        assertThat(line.text()).isEqualTo("ab");
        assertThat(line.beforeCursor()).isEqualTo("ab");
    }

    @Test
    void deleteWordRemovesTheWordBeforeTheCursorAndTheSpacesAfterIt() {
        InputLine line = new InputLine();
        line.insert("/group create 读书会  ");
        line.deleteWord();
        assertThat(line.text()).isEqualTo("/group create ");
        line.deleteWord();
        assertThat(line.text()).isEqualTo("/group ");
    }

    @Test
    void setPutsTheCursorBetweenTheParts() {
        InputLine line = new InputLine();
        line.set("/dm bob ", "tail");
        assertThat(line.text()).isEqualTo("/dm bob tail");
        assertThat(line.beforeCursor()).isEqualTo("/dm bob ");
    }

    @Test
    void historyRemembersSentLinesOnceEachAndWalksBothWays() {
        InputLine line = new InputLine();
        for (String text : new String[] {"first", "second", "second", "   "}) {
            line.set(text);
            line.take();
        }
        assertThat(line.text()).isEmpty();
        line.previous();
        assertThat(line.text()).isEqualTo("second");
        line.previous();
        assertThat(line.text()).isEqualTo("first");
        line.previous();
        assertThat(line.text()).isEqualTo("first");
        line.next();
        assertThat(line.text()).isEqualTo("second");
        line.next();
        assertThat(line.text()).isEmpty();
    }

    @Test
    void historyKeepsItsNewestLines() {
        InputLine line = new InputLine();
        for (int i = 0; i < InputLine.HISTORY + 5; i++) {
            line.set("line " + i);
            line.take();
        }
        for (int i = 0; i < InputLine.HISTORY + 5; i++) {
            line.previous();
        }
        assertThat(line.text()).isEqualTo("line 5");
    }

    @Test
    void theCursorColumnCountsDisplayColumns() {
        InputLine line = new InputLine();
        line.insert("你好" + SMILE + "x");
        InputLine.Row row = line.render("> ", 40);
        assertThat(row.line().toString()).isEqualTo("> 你好" + SMILE + "x");
        assertThat(row.cursorColumn()).isEqualTo(2 + 7);
        line.left();
        line.left();
        assertThat(line.render("> ", 40).cursorColumn()).isEqualTo(2 + 4);
    }

    @Test
    void aLongLineScrollsSidewaysToKeepTheCursorInSight() {
        InputLine line = new InputLine();
        String text = "很长".repeat(30) + SMILE.repeat(10) + "end";
        line.insert(text);
        for (int width = 6; width <= 50; width++) {
            InputLine.Row row = line.render("> ", width);
            assertThat(row.line().columnLength()).as("width %d", width).isLessThanOrEqualTo(width);
            assertThat(row.cursorColumn()).as("width %d", width).isBetween(2, width - 1);
            assertThat(row.line().toString()).endsWith("end");
        }
        line.home();
        InputLine.Row start = line.render("> ", 12);
        assertThat(start.cursorColumn()).isEqualTo(2);
        assertThat(start.line().toString()).isEqualTo("> 很长很长");
        assertThat(new AttributedString(start.line().toString()).columnLength()).isLessThanOrEqualTo(12);
    }
}
