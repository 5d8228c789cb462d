package dev.confab.protocol.request;

import java.util.List;

/**
 * POST /api/v1/groups: a title, optional description and avatar, initial members (friends of the
 * creator) and optional settings: invitePolicy ADMINS (default) or MEMBERS; history ALL, FROM_JOIN
 * (default) or LAST_N with historyLastN.
 */
public record CreateGroupRequest(String title, String description, String avatar, List<Long> memberIds,
                                 String invitePolicy, String history, Integer historyLastN) {
}
