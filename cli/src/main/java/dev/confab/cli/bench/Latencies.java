package dev.confab.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** A latency distribution in microseconds (1 µs to 60 s, 3 significant digits), recorded from many threads. */
final class Latencies {
    private final Recorder recorder = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
    private final Histogram total = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);

    void recordNanos(long nanos) {
        recorder.recordValue(Math.max(1, Math.min(TimeUnit.SECONDS.toMicros(60), nanos / 1000)));
    }

    /** Drops what was recorded so far (end of warm-up). */
    synchronized void reset() {
        recorder.getIntervalHistogram();
        total.reset();
    }

    synchronized Histogram snapshot() {
        total.add(recorder.getIntervalHistogram());
        return total.copy();
    }

    /** count, p50, p99, p99.9 and max in milliseconds. */
    Map<String, Object> summary() {
        return summary(snapshot());
    }

    /** {@link #summary()} of any histogram in microseconds. */
    static Map<String, Object> summary(Histogram h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", h.getTotalCount());
        out.put("p50Ms", ms(h.getValueAtPercentile(50)));
        out.put("p99Ms", ms(h.getValueAtPercentile(99)));
        out.put("p999Ms", ms(h.getValueAtPercentile(99.9)));
        out.put("maxMs", ms(h.getMaxValue()));
        return out;
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
