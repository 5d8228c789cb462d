package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PrefixRange}: the successor of a prefix in code point order. */
class JdbcPrefixRangeTest {

    private static final String MAX = new String(Character.toChars(Character.MAX_CODE_POINT));

    @Test
    void incrementsTheLastCodePoint() {
        PrefixRange range = PrefixRange.of("ab");

        assertThat(range.condition("alias_lower")).isEqualTo("(alias_lower >= ? AND alias_lower < ?)");
        assertThat(range.parameters()).containsExactly("ab", "ac");
    }

    @Test
    void incrementsSupplementaryCodePointsAndStepsOverSurrogates() {
        assertThat(PrefixRange.of("a\uD83D\uDE00").parameters()).containsExactly("a\uD83D\uDE00", "a\uD83D\uDE01");
        assertThat(PrefixRange.of("a\uD7FF").parameters()).containsExactly("a\uD7FF", "a\uE000");
        assertThat(PrefixRange.of("a\uFFFF").parameters()).containsExactly("a\uFFFF", "a\uD800\uDC00");
    }

    @Test
    void dropsTrailingMaximalCodePointsAndIsOpenEndedWhenNothingIsLeft() {
        assertThat(PrefixRange.of("a" + MAX + MAX).parameters()).isEqualTo(List.of("a" + MAX + MAX, "b"));

        PrefixRange open = PrefixRange.of(MAX);

        assertThat(open.condition("title_lower")).isEqualTo("title_lower >= ?");
        assertThat(open.parameters()).containsExactly(MAX);
    }
}
