package dev.confab.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a slash command is split into words. */
class CommandTokensTest {

    @Test
    void spacesSeparateWordsHoweverMany() {
        assertThat(CommandTokens.split("  add   bob  hi there ")).containsExactly("add", "bob", "hi", "there");
        assertThat(CommandTokens.split("")).isEmpty();
        assertThat(CommandTokens.split("   ")).isEmpty();
    }

    @Test
    void doubleQuotesGroupWordsWithSpaces() {
        assertThat(CommandTokens.split("group create \"Book club\" bob carol"))
                .containsExactly("group", "create", "Book club", "bob", "carol");
        assertThat(CommandTokens.split("group create \"读书 会\" 小明")).containsExactly("group", "create", "读书 会", "小明");
    }

    @Test
    void quotesMayJoinPartsOfOneWordAndMayBeEmpty() {
        assertThat(CommandTokens.split("remark bob a\"b c\"d")).containsExactly("remark", "bob", "ab cd");
        assertThat(CommandTokens.split("remark bob \"\"")).containsExactly("remark", "bob", "");
    }

    @Test
    void anUnclosedQuoteRunsToTheEnd() {
        assertThat(CommandTokens.split("group create \"Book club bob")).containsExactly("group", "create", "Book club bob");
    }
}
