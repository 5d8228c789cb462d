package dev.confab.protocol.model;

import java.util.List;

/** Open friend requests (pending, not expired), newest first. */
public record FriendRequestList(List<FriendRequestView> requests) {
}
