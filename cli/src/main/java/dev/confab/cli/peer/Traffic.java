package dev.confab.cli.peer;

/** Counters of one session, for the status line and the end-of-session report. */
public record Traffic(long bytesIn, long bytesOut, long messagesIn, long messagesOut, long retransmits,
                      long duplicates) {
    /** Bytes as a short human figure: 512 B, 1.5 KiB, 16.0 MiB. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }

    @Override
    public String toString() {
        return messagesOut + " sent, " + messagesIn + " received, " + bytes(bytesOut) + " out, " + bytes(bytesIn) + " in"
                + (retransmits > 0 ? ", " + retransmits + " retransmits" : "")
                + (duplicates > 0 ? ", " + duplicates + " duplicates dropped" : "");
    }
}
