package dev.confab.server.errors;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A warning that can fire once per connection or per request, so thousands of times a second when
 * the database is saturated: logged at most once per interval, each line saying how many it stands
 * for. Nothing is hidden (the count is there), and the log stays readable. Thread-safe.
 */
public final class ThrottledWarning {
    private final Logger log;
    private final String what;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong nextAt;
    private final AtomicLong suppressed = new AtomicLong();

    public ThrottledWarning(Logger log, String what, Duration interval) {
        this(log, what, interval, System::nanoTime);
    }

    ThrottledWarning(Logger log, String what, Duration interval, LongSupplier nanoClock) {
        this.log = log;
        this.what = what;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.nextAt = new AtomicLong(nanoClock.getAsLong());
    }

    /** Logs "what: cause" unless a line was logged less than an interval ago; returns whether it logged. */
    public boolean warn(Throwable cause) {
        return warn(cause.toString());
    }

    /** Logs "what: detail" unless a line was logged less than an interval ago; returns whether it logged. */
    public boolean warn(String detail) {
        long now = nanoClock.getAsLong();
        long next = nextAt.get();
        if (now - next < 0 || !nextAt.compareAndSet(next, now + intervalNanos)) {
            suppressed.incrementAndGet();
            return false;
        }
        long more = suppressed.getAndSet(0);
        if (more == 0) {
            log.warn("{}: {}", what, detail);
        } else {
            log.warn("{}: {} (and {} more since the last such warning)", what, detail, more);
        }
        return true;
    }
}
