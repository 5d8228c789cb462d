package dev.confab.server.conversations;

import dev.confab.server.accounts.AccountId;
import java.util.List;

/**
 * A membership or settings change, recorded in the timeline as a system message so every member's
 * history tells the same story. {@code type} is one of: group.created, room.created, member.invited,
 * member.joined, member.left, member.removed, member.role_changed, owner.transferred,
 * conversation.edited, conversation.disbanded. {@code targets} are the people it concerns (may be empty);
 * {@code detail} is a short value such as a new role or the edited fields (may be null).
 */
public record SystemNotice(String type, AccountId actor, List<AccountId> targets, String detail) {
}
