package dev.confab.protocol.request;

/**
 * POST /api/v1/rooms: a unique alias (the room's public id), a title, an optional topic, and optional
 * capacity and history (ALL by default, FROM_JOIN, or LAST_N with historyLastN).
 */
public record CreateRoomRequest(String alias, String title, String topic, Integer capacity, String history,
                                Integer historyLastN) {
}
