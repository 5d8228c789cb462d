package dev.confab.server.api;

import dev.confab.protocol.model.BlockView;
import dev.confab.protocol.model.FriendRequestView;
import dev.confab.protocol.model.FriendView;
import dev.confab.protocol.model.UserView;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.PublicProfile;
import dev.confab.server.contacts.Block;
import dev.confab.server.contacts.Friend;
import dev.confab.server.contacts.FriendRequest;
import dev.confab.server.contacts.FriendRequestDetails;
import java.time.Instant;
import java.util.Map;

/** Maps contact records to the wire model. Stateless. */
public final class ContactViews {
    private ContactViews() {
    }

    /** A request as seen at {@code now}: a pending one past its expiry shows as EXPIRED. */
    public static FriendRequestView request(FriendRequestDetails d, Instant now) {
        return request(d.request(), Views.user(d.from()), Views.user(d.to()), now);
    }

    public static FriendRequestView request(FriendRequest r, Map<AccountId, PublicProfile> people, Instant now) {
        return request(r, user(r.from(), people), user(r.to(), people), now);
    }

    private static FriendRequestView request(FriendRequest r, UserView from, UserView to, Instant now) {
        String status = r.status().name();
        if (r.status() == dev.confab.server.contacts.FriendRequestStatus.PENDING && !r.isOpenAt(now)) {
            status = "EXPIRED";
        }
        return new FriendRequestView(r.id().value(), from, to, r.message(), status, r.createdAt(), r.updatedAt(),
                r.expiresAt());
    }

    public static FriendView friend(Friend f, Map<AccountId, PublicProfile> people) {
        return new FriendView(user(f.account(), people), f.remark(), f.since());
    }

    public static BlockView block(Block b, Map<AccountId, PublicProfile> people) {
        return new BlockView(user(b.account(), people), b.since());
    }

    private static UserView user(AccountId id, Map<AccountId, PublicProfile> people) {
        PublicProfile p = people.get(id);
        return p == null ? new UserView(id.value(), null, null, null) : Views.user(p);
    }
}
