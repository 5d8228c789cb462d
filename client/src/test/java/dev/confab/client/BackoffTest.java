package dev.confab.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final BackoffPolicy POLICY = new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0);
    private static final double ALMOST_ONE = Math.nextDown(1.0);

    @Test
    void lowestDrawsGrowFromMinToHalfOfMax() {
        Backoff backoff = new Backoff(POLICY, () -> 0.0);

        assertThat(millis(backoff, 6)).containsExactly(100L, 200L, 400L, 500L, 500L, 500L);
    }

    @Test
    void highestDrawsGrowFromTwiceMinToMax() {
        Backoff backoff = new Backoff(POLICY, () -> ALMOST_ONE);

        assertThat(millis(backoff, 6)).containsExactly(200L, 400L, 800L, 1000L, 1000L, 1000L);
    }

    @Test
    void everyDelayLiesInItsAttemptsRangeAndWithinMinAndMax() {
        Random random = new Random(7);
        Backoff backoff = new Backoff(POLICY, random::nextDouble);
        long[][] ranges = {{100, 200}, {200, 400}, {400, 800}, {500, 1000}};

        for (int attempt = 0; attempt < 40; attempt++) {
            long[] range = ranges[Math.min(attempt, ranges.length - 1)];
            assertThat(backoff.nextDelay()).isBetween(Duration.ofMillis(range[0]), Duration.ofMillis(range[1]));
        }
    }

    @Test
    void jitterSpreadsTheDelaysOfOneAttempt() {
        Random random = new Random(11);
        Set<Duration> firstDelays = new HashSet<>();
        for (int client = 0; client < 20; client++) {
            firstDelays.add(new Backoff(POLICY, random::nextDouble).nextDelay());
        }

        assertThat(firstDelays).hasSizeGreaterThan(15);
    }

    @Test
    void resetStartsOverAtTheShortestDelays() {
        Backoff backoff = new Backoff(POLICY, () -> 0.0);
        millis(backoff, 5);

        backoff.reset();

        assertThat(millis(backoff, 2)).containsExactly(100L, 200L);
    }

    @Test
    void aMultiplierOfOneKeepsTheDelayAtMin() {
        Backoff backoff = new Backoff(new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 1.0),
                () -> ALMOST_ONE);

        assertThat(millis(backoff, 3)).containsExactly(100L, 100L, 100L);
    }

    @Test
    void manyFailuresNeitherOverflowNorPassMax() {
        Backoff backoff = new Backoff(new BackoffPolicy(Duration.ofMillis(1), Duration.ofHours(1), 10.0),
                () -> ALMOST_ONE);

        for (int i = 0; i < 10_000; i++) {
            assertThat(backoff.nextDelay()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
        }
    }

    @Test
    void rejectsPoliciesThatMakeNoSense() {
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ZERO, Duration.ofSeconds(1), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The next delays, rounded to whole milliseconds. */
    private static List<Long> millis(Backoff backoff, int count) {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            delays.add(Math.round(backoff.nextDelay().toNanos() / 1e6));
        }
        return delays;
    }
}
