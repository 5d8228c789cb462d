package dev.confab.server.conversations;

/**
 * The editable settings of a group or room (validated). {@code historyLastN} counts only for
 * {@link HistoryVisibility#LAST_N}. {@code capacity} is the most members allowed. Retention keeps at
 * most {@code retentionMaxMessages} messages (0: no limit) and none older than {@code retentionMaxAge}
 * (zero: no limit); older ones are removed by a background sweep.
 */
public record ConversationSettings(String title, String description, String avatar, String topic,
                                   InvitePolicy invitePolicy, HistoryVisibility history, int historyLastN,
                                   int capacity, int retentionMaxMessages, java.time.Duration retentionMaxAge) {

    /** Settings that keep everything. */
    public ConversationSettings(String title, String description, String avatar, String topic,
                                InvitePolicy invitePolicy, HistoryVisibility history, int historyLastN, int capacity) {
        this(title, description, avatar, topic, invitePolicy, history, historyLastN, capacity, 0, java.time.Duration.ZERO);
    }

    public boolean retains() {
        return retentionMaxMessages > 0 || !retentionMaxAge.isZero();
    }
}
