package dev.confab.server.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ThrottledWarningTest {

    @Test
    void logsOncePerIntervalHoweverOftenItFires() {
        AtomicLong now = new AtomicLong(1_000);
        ThrottledWarning warning = new ThrottledWarning(LoggerFactory.getLogger(ThrottledWarningTest.class),
                "presence announcement failed", Duration.ofSeconds(10), now::get);
        IllegalStateException cause = new IllegalStateException("unavailable");

        assertThat(warning.warn(cause)).as("the first is logged").isTrue();
        for (int i = 0; i < 1000; i++) {
            assertThat(warning.warn(cause)).isFalse();
        }
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(warning.warn(cause)).isFalse();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(warning.warn(cause)).as("one interval after the last line").isTrue();
        assertThat(warning.warn(cause)).isFalse();
    }
}
