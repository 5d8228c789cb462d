package dev.confab.server.contacts;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AccountStore;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.events.AccountEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Friends and blocks: lists, removing a friend (both lists change), private remarks, blocking and
 * unblocking. Blocking keeps an existing friendship (the blocked person's view does not change; see
 * {@link FriendRequestService} and the message policy for what is withheld). Blocking.
 */
public final class FriendService {
    private final ContactStore contacts;
    private final AccountStore accounts;
    private final ContactEvents events;
    private final ContactLimits limits;
    private final Clock clock;

    public FriendService(ContactStore contacts, AccountStore accounts, ContactEvents events, ContactLimits limits,
                         Clock clock) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.events = events;
        this.limits = limits;
        this.clock = clock;
    }

    public List<Friend> friends(AuthenticatedSession who) {
        return contacts.friends(who.accountId());
    }

    public List<FriendRequest> incoming(AuthenticatedSession who) {
        return contacts.incoming(who.accountId(), clock.instant());
    }

    public List<FriendRequest> outgoing(AuthenticatedSession who) {
        return contacts.outgoing(who.accountId(), clock.instant());
    }

    public List<Block> blocked(AuthenticatedSession who) {
        return contacts.blocked(who.accountId());
    }

    public void remove(AuthenticatedSession who, AccountId friend) {
        AccountId me = who.accountId();
        events.commit(contacts.write(tx -> {
            tx.lockPair(me, friend);
            if (!tx.removeFriendship(me, friend)) {
                throw new ConfabException(ErrorCode.CONTACT_FRIEND_NOT_FOUND);
            }
            tx.record(me, new AccountEvent.FriendRemoved(friend));
            tx.record(friend, new AccountEvent.FriendRemoved(me));
            return null;
        }));
    }

    /** Sets the caller's private name for a friend; null or blank clears it. Only the caller hears of it. */
    public void setRemark(AuthenticatedSession who, AccountId friend, String remark) {
        String text = ContactText.optional(remark, limits.maxRemarkChars());
        events.commit(contacts.write(tx -> {
            if (!tx.setRemark(who.accountId(), friend, text)) {
                throw new ConfabException(ErrorCode.CONTACT_FRIEND_NOT_FOUND);
            }
            tx.record(who.accountId(), new AccountEvent.FriendRemarkChanged(friend, text));
            return null;
        }));
    }

    /** Blocks any existing user; doing it twice changes nothing. The blocked person is not told. */
    public void block(AuthenticatedSession who, AccountId user) {
        requireOther(who, user);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        events.commit(contacts.write(tx -> {
            tx.lockPair(who.accountId(), user);
            if (tx.block(who.accountId(), user, now)) {
                tx.record(who.accountId(), new AccountEvent.UserBlocked(user));
            }
            return null;
        }));
    }

    public void unblock(AuthenticatedSession who, AccountId user) {
        requireOther(who, user);
        events.commit(contacts.write(tx -> {
            tx.lockPair(who.accountId(), user);
            if (tx.unblock(who.accountId(), user)) {
                tx.record(who.accountId(), new AccountEvent.UserUnblocked(user));
            }
            return null;
        }));
    }

    private void requireOther(AuthenticatedSession who, AccountId user) {
        if (user.equals(who.accountId())) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "You cannot block yourself.");
        }
        if (accounts.findById(user).isEmpty()) {
            throw new ConfabException(ErrorCode.USER_NOT_FOUND);
        }
    }
}
