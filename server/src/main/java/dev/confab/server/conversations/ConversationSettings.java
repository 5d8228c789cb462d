package dev.confab.server.conversations;

/**
 * The editable settings of a group or room (validated). {@code historyLastN} counts only for
 * {@link HistoryVisibility#LAST_N}. {@code capacity} is the most members allowed.
 */
public record ConversationSettings(String title, String description, String avatar, String topic,
                                   InvitePolicy invitePolicy, HistoryVisibility history, int historyLastN,
                                   int capacity) {
}
