package dev.confab.server.store.jdbc;

import java.util.List;

/**
 * The strings that start with a prefix, as a half-open range {@code [prefix, successor)} in code point
 * order, the order of SQLite's BINARY collation and of PostgreSQL's {@code "C"} collation on UTF-8. A
 * range condition on an indexed column is an index range scan in both, which {@code LIKE} is not. The
 * successor is the prefix with its last code point incremented, after dropping trailing U+10FFFF; a
 * prefix made only of those has none, and the range is then open-ended.
 */
final class PrefixRange {

    private final String from;
    private final String below;

    private PrefixRange(String from, String below) {
        this.from = from;
        this.below = below;
    }

    static PrefixRange of(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        for (int last = codePoints.length - 1; last >= 0; last--) {
            if (codePoints[last] < Character.MAX_CODE_POINT) {
                int next = codePoints[last] + 1;
                codePoints[last] = next == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : next;
                return new PrefixRange(prefix, new String(codePoints, 0, last + 1));
            }
        }
        return new PrefixRange(prefix, null);
    }

    /** The condition on {@code column} (a column name, never input), bound with {@link #parameters()}. */
    String condition(String column) {
        return below == null ? column + " >= ?" : "(" + column + " >= ? AND " + column + " < ?)";
    }

    List<Object> parameters() {
        return below == null ? List.of(from) : List.of(from, below);
    }
}
