package dev.confab.protocol.request;

/**
 * POST /api/v1/rooms: a unique alias (the room's public id), a title, an optional topic, and optional
 * capacity, history (ALL by default, FROM_JOIN, or LAST_N with historyLastN) and retention (keep at most
 * retentionMaxMessages messages and none older than retentionMaxDays; 0 or absent: no limit).
 */
public record CreateRoomRequest(String alias, String title, String topic, Integer capacity, String history,
                                Integer historyLastN, Integer retentionMaxMessages, Integer retentionMaxDays) {
}
