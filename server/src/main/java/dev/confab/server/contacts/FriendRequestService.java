package dev.confab.server.contacts;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.Account;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AccountStore;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.accounts.PublicProfile;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.events.AccountEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The friend request lifecycle: send, accept, decline, cancel. Each change and the events that report
 * it commit together (then the events are pushed live), under a lock on the pair of accounts, so
 * crossing requests make one friendship and an accept racing a cancel has exactly one winner.
 * Requests from someone the recipient blocked are kept for the sender but withheld from the recipient.
 * Blocking.
 */
public final class FriendRequestService {
    private final ContactStore contacts;
    private final AccountStore accounts;
    private final ContactEvents events;
    private final ContactLimits limits;
    private final Clock clock;

    public FriendRequestService(ContactStore contacts, AccountStore accounts, ContactEvents events,
                                ContactLimits limits, Clock clock) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.events = events;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Asks {@code to} (a username, or {@code toId}) to be friends. When they already asked the caller,
     * their request is accepted instead and the answer has status ACCEPTED. Asking again while a request
     * is open returns that request unchanged.
     */
    public FriendRequestDetails send(AuthenticatedSession who, String toUsername, Long toId, String message) {
        String text = ContactText.optional(message, limits.maxRequestMessageChars());
        Account me = accounts.findById(who.accountId()).orElseThrow(() -> new ConfabException(ErrorCode.AUTH_UNAUTHENTICATED));
        Account target = target(toUsername, toId);
        if (target.id().equals(me.id())) {
            throw new ConfabException(ErrorCode.CONTACT_REQUEST_TO_SELF);
        }
        Instant now = now();
        PublicProfile mine = PublicProfile.of(me);
        PublicProfile theirs = PublicProfile.of(target);
        return events.commit(contacts.write(tx -> {
            tx.lockPair(me.id(), target.id());
            if (tx.areFriends(me.id(), target.id())) {
                throw new ConfabException(ErrorCode.CONTACT_ALREADY_FRIENDS);
            }
            Optional<FriendRequest> crossing = tx.pendingRequest(target.id(), me.id()).filter(r -> r.isOpenAt(now));
            if (crossing.isPresent()) {
                return accept(tx, crossing.get(), theirs, mine, now);
            }
            Optional<FriendRequest> open = tx.pendingRequest(me.id(), target.id()).filter(r -> r.isOpenAt(now));
            if (open.isPresent()) {
                return new FriendRequestDetails(open.get(), mine, theirs);
            }
            tx.latestRequest(me.id(), target.id())
                    .filter(r -> r.status() == FriendRequestStatus.DECLINED)
                    .filter(r -> now.isBefore(r.updatedAt().plus(limits.declineCooldown())))
                    .ifPresent(r -> {
                        throw new ConfabException(ErrorCode.CONTACT_REQUEST_THROTTLED);
                    });
            boolean withheld = tx.isBlocked(target.id(), me.id());
            FriendRequest created = tx.insertRequest(new NewFriendRequest(me.id(), target.id(), text, withheld, now,
                    now.plus(limits.requestTtl())));
            FriendRequestDetails details = new FriendRequestDetails(created, mine, theirs);
            tx.record(me.id(), new AccountEvent.FriendRequestSent(details));
            if (!withheld) {
                tx.record(target.id(), new AccountEvent.FriendRequestReceived(details));
            }
            return details;
        }));
    }

    /** The recipient accepts: both become friends. */
    public FriendRequestDetails accept(AuthenticatedSession who, FriendRequestId id) {
        FriendRequest known = addressedTo(who.accountId(), id);
        Instant now = now();
        return events.commit(contacts.write(tx -> {
            tx.lockPair(known.from(), known.to());
            FriendRequest r = requireOpen(tx, id, now);
            return accept(tx, r, profile(r.from()), profile(r.to()), now);
        }));
    }

    /** The recipient declines; the sender hears of it. */
    public FriendRequestDetails decline(AuthenticatedSession who, FriendRequestId id) {
        FriendRequest known = addressedTo(who.accountId(), id);
        Instant now = now();
        return events.commit(contacts.write(tx -> {
            tx.lockPair(known.from(), known.to());
            FriendRequest r = tx.setRequestStatus(requireOpen(tx, id, now).id(), FriendRequestStatus.DECLINED, now);
            FriendRequestDetails details = new FriendRequestDetails(r, profile(r.from()), profile(r.to()));
            tx.record(r.to(), new AccountEvent.FriendRequestDeclined(details));
            tx.record(r.from(), new AccountEvent.FriendRequestDeclined(details));
            return details;
        }));
    }

    /** The sender withdraws a pending request (expired or not). */
    public FriendRequestDetails cancel(AuthenticatedSession who, FriendRequestId id) {
        FriendRequest known = contacts.request(id).filter(r -> r.from().equals(who.accountId()))
                .orElseThrow(() -> new ConfabException(ErrorCode.CONTACT_REQUEST_NOT_FOUND));
        Instant now = now();
        return events.commit(contacts.write(tx -> {
            tx.lockPair(known.from(), known.to());
            FriendRequest locked = tx.requestForUpdate(id).orElseThrow();
            if (locked.status() != FriendRequestStatus.PENDING) {
                throw new ConfabException(ErrorCode.CONTACT_REQUEST_NOT_PENDING);
            }
            FriendRequest r = tx.setRequestStatus(id, FriendRequestStatus.CANCELLED, now);
            FriendRequestDetails details = new FriendRequestDetails(r, profile(r.from()), profile(r.to()));
            tx.record(r.from(), new AccountEvent.FriendRequestCancelled(details));
            if (!r.withheld()) {
                tx.record(r.to(), new AccountEvent.FriendRequestCancelled(details));
            }
            return details;
        }));
    }

    private FriendRequestDetails accept(ContactWrites tx, FriendRequest request, PublicProfile from, PublicProfile to,
                                        Instant now) {
        FriendRequest accepted = tx.setRequestStatus(request.id(), FriendRequestStatus.ACCEPTED, now);
        tx.addFriendship(request.from(), request.to(), now);
        FriendRequestDetails details = new FriendRequestDetails(accepted, from, to);
        tx.record(request.to(), new AccountEvent.FriendRequestAccepted(details));
        tx.record(request.from(), new AccountEvent.FriendRequestAccepted(details));
        return details;
    }

    /** A request the caller received and may see; otherwise not found (never "not yours"). */
    private FriendRequest addressedTo(AccountId me, FriendRequestId id) {
        return contacts.request(id).filter(r -> r.to().equals(me) && !r.withheld())
                .orElseThrow(() -> new ConfabException(ErrorCode.CONTACT_REQUEST_NOT_FOUND));
    }

    private static FriendRequest requireOpen(ContactWrites tx, FriendRequestId id, Instant now) {
        FriendRequest r = tx.requestForUpdate(id).orElseThrow();
        if (r.status() != FriendRequestStatus.PENDING) {
            throw new ConfabException(ErrorCode.CONTACT_REQUEST_NOT_PENDING);
        }
        if (!r.isOpenAt(now)) {
            throw new ConfabException(ErrorCode.CONTACT_REQUEST_EXPIRED);
        }
        return r;
    }

    private Account target(String username, Long id) {
        if ((username == null) == (id == null)) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "Give exactly one of 'to' and 'toUserId'.");
        }
        Optional<Account> found = username != null ? accounts.findByUsername(username) : accounts.findById(new AccountId(id));
        return found.orElseThrow(() -> new ConfabException(ErrorCode.USER_NOT_FOUND));
    }

    private PublicProfile profile(AccountId id) {
        return accounts.findById(id).map(PublicProfile::of)
                .orElseGet(() -> new PublicProfile(id, null, null, null));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
