package dev.confab.server.app.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The duration syntax of every setting and option: 500ms, 30s, 5m, 2h, 30d, or ISO-8601 (PT30S). */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {
    }

    /** A positive duration; {@link IllegalArgumentException} saying what was expected otherwise. */
    public static Duration parse(String raw) {
        Matcher m = SHORT.matcher(raw.strip());
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(raw.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("must be a duration such as 30s, 5m or 2h, got '" + raw + "'");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("must be a positive duration, got '" + raw + "'");
        }
        return d;
    }
}
