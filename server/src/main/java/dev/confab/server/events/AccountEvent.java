package dev.confab.server.events;

import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.PublicProfile;
import dev.confab.server.contacts.FriendRequestDetails;

/**
 * A change recorded in one account's event log (so it survives being offline) and pushed live. Each
 * kind has a stable wire name, {@link #type()}.
 */
public sealed interface AccountEvent {

    /** The stable name clients switch on. */
    String type();

    /** A request arrived for this account. */
    record FriendRequestReceived(FriendRequestDetails request) implements AccountEvent {
        public String type() {
            return "friend_request.received";
        }
    }

    /** This account sent a request (seen by its other devices). */
    record FriendRequestSent(FriendRequestDetails request) implements AccountEvent {
        public String type() {
            return "friend_request.sent";
        }
    }

    /** A request involving this account was accepted: the two are friends now. */
    record FriendRequestAccepted(FriendRequestDetails request) implements AccountEvent {
        public String type() {
            return "friend_request.accepted";
        }
    }

    /** A request involving this account was declined. */
    record FriendRequestDeclined(FriendRequestDetails request) implements AccountEvent {
        public String type() {
            return "friend_request.declined";
        }
    }

    /** A request involving this account was cancelled by its sender. */
    record FriendRequestCancelled(FriendRequestDetails request) implements AccountEvent {
        public String type() {
            return "friend_request.cancelled";
        }
    }

    /** The friendship with {@code friend} ended (either side removed it). */
    record FriendRemoved(AccountId friend) implements AccountEvent {
        public String type() {
            return "friend.removed";
        }
    }

    /** This account changed its private remark for a friend (null: cleared). */
    record FriendRemarkChanged(AccountId friend, String remark) implements AccountEvent {
        public String type() {
            return "friend.remark_changed";
        }
    }

    /** This account blocked someone (only the blocker hears of it). */
    record UserBlocked(AccountId user) implements AccountEvent {
        public String type() {
            return "contact.blocked";
        }
    }

    /** This account unblocked someone. */
    record UserUnblocked(AccountId user) implements AccountEvent {
        public String type() {
            return "contact.unblocked";
        }
    }

    /** A public profile (this account's own, or a friend's) changed. */
    record ProfileChanged(PublicProfile profile) implements AccountEvent {
        public String type() {
            return "profile.changed";
        }
    }
}
