package dev.confab.protocol.request;

import java.util.List;

/** POST /api/v1/admin/bulk-join: accounts to add to a room, by the room's id or alias. */
public record BulkJoinRequest(String room, List<Long> userIds) {
}
