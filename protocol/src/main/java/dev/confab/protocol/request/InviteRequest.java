package dev.confab.protocol.request;

import java.util.List;

/** POST /api/v1/conversations/{id}/members: people to invite into a group (friends of the inviter). */
public record InviteRequest(List<Long> userIds) {
}
