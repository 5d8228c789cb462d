package dev.confab.server.contacts;

import dev.confab.server.accounts.AccountId;
import java.time.Instant;

/**
 * A friend request from {@code from} to {@code to}. {@code withheld} marks a request sent while
 * {@code to} had blocked {@code from}: it is kept (the sender sees it pending) but never shown to
 * {@code to}. A PENDING request at or after {@code expiresAt} counts as expired.
 */
public record FriendRequest(FriendRequestId id, AccountId from, AccountId to, String message,
                            FriendRequestStatus status, boolean withheld, Instant createdAt, Instant updatedAt,
                            Instant expiresAt) {

    public boolean isOpenAt(Instant now) {
        return status == FriendRequestStatus.PENDING && now.isBefore(expiresAt);
    }
}
