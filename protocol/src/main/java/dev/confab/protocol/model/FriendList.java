package dev.confab.protocol.model;

import java.util.List;

/** The caller's friends, oldest friendship first. */
public record FriendList(List<FriendView> friends) {
}
