package dev.confab.server.api;

import dev.confab.protocol.model.ConversationDetailsView;
import dev.confab.protocol.model.MemberView;
import dev.confab.protocol.model.UserView;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.PublicProfile;
import dev.confab.server.conversations.ConversationDetails;
import dev.confab.server.conversations.MemberRole;
import dev.confab.server.conversations.Membership;
import java.util.Map;

/** Maps groups, rooms and members to the wire model. Stateless. */
public final class GroupViews {
    private GroupViews() {
    }

    /** {@code myRole} is the caller's role, or null when the caller is not a member. */
    public static ConversationDetailsView details(ConversationDetails d, MemberRole myRole) {
        var s = d.settings();
        return new ConversationDetailsView(d.id().value(), d.kind().name(), d.alias(), s.title(), s.description(),
                s.avatar(), s.topic(), s.invitePolicy().name(), s.history().name(), s.historyLastN(), s.capacity(),
                s.retentionMaxMessages(), s.retentionMaxAge().toDays(), d.memberCount(), d.lastSeq(), d.minSeq(), d.createdAt(), d.disbandedAt(),
                myRole == null ? null : myRole.name());
    }

    public static MemberView member(Membership m, Map<AccountId, PublicProfile> people) {
        PublicProfile p = people.get(m.account());
        UserView user = p == null ? new UserView(m.account().value(), null, null, null) : Views.user(p);
        return new MemberView(user, m.role().name(), m.joinedAt());
    }
}
