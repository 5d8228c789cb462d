package dev.confab.server.contacts;

/** Server-assigned numeric id of a friend request. */
public record FriendRequestId(long value) {
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
