package dev.confab.protocol.model;

import java.util.List;

/**
 * Answer to POST /api/v1/admin/bulk-join: who joined (in the order given), who was a member already,
 * and the room's member count and last seq afterwards.
 */
public record BulkJoinResponse(long conversationId, List<Long> joined, List<Long> alreadyMembers, int memberCount,
                               long lastSeq) {
}
