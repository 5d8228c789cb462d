package dev.confab.server.contacts;

import dev.confab.server.accounts.PublicProfile;

/** A friend request together with the public profiles of both people, as clients show it. */
public record FriendRequestDetails(FriendRequest request, PublicProfile from, PublicProfile to) {
}
