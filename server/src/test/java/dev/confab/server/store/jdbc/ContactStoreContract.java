package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.server.accounts.Account;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.NewAccount;
import dev.confab.server.accounts.ProfileFields;
import dev.confab.server.contacts.Block;
import dev.confab.server.contacts.Friend;
import dev.confab.server.contacts.FriendRequest;
import dev.confab.server.contacts.FriendRequestId;
import dev.confab.server.contacts.FriendRequestStatus;
import dev.confab.server.contacts.NewFriendRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link dev.confab.server.contacts.ContactStore} contract: friendships, remarks, blocks, requests, profiles. */
abstract class ContactStoreContract extends ContactContract {

    private static final Instant T0 = Instant.parse("2030-03-04T05:06:07.891234Z");
    private static final Instant T0_STORED = Instant.parse("2030-03-04T05:06:07.891Z");
    private static final Duration TTL = Duration.ofDays(7);

    private FriendRequest request(AccountId from, AccountId to, boolean withheld, Instant created, Instant expires) {
        return write(w -> w.insertRequest(new NewFriendRequest(from, to, "hi from " + from, withheld, created,
                expires)));
    }

    @Test
    void friendshipsAreSymmetricAndAddingOrRemovingTwiceChangesNothing() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();

        assertThat(check(w -> w.addFriendship(alice, bob, T0))).isTrue();
        assertThat(check(w -> w.addFriendship(bob, alice, T0.plusSeconds(1)))).isFalse();

        assertThat(contacts.areFriends(alice, bob)).isTrue();
        assertThat(contacts.areFriends(bob, alice)).isTrue();
        assertThat(check(w -> w.areFriends(bob, alice))).isTrue();
        assertThat(contacts.friends(alice)).containsExactly(new Friend(bob, null, T0_STORED));
        assertThat(contacts.friends(bob)).containsExactly(new Friend(alice, null, T0_STORED));

        assertThat(check(w -> w.removeFriendship(bob, alice))).isTrue();
        assertThat(check(w -> w.removeFriendship(alice, bob))).isFalse();

        assertThat(contacts.areFriends(alice, bob)).isFalse();
        assertThat(contacts.areFriends(bob, alice)).isFalse();
        assertThat(check(w -> w.areFriends(alice, bob))).isFalse();
        assertThat(contacts.friends(alice)).isEmpty();
        assertThat(contacts.friends(bob)).isEmpty();
    }

    @Test
    void friendsAreListedOldestFirstWithTheOwnersOwnRemarks() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        AccountId carol = newAccount();
        AccountId dave = newAccount();
        write(w -> w.addFriendship(alice, bob, T0.plusSeconds(1)));
        write(w -> w.addFriendship(carol, alice, T0));
        write(w -> w.addFriendship(alice, dave, T0.plusSeconds(2)));

        assertThat(check(w -> w.setRemark(alice, bob, "Bobby"))).isTrue();
        assertThat(check(w -> w.setRemark(bob, alice, "Al"))).isTrue();
        assertThat(check(w -> w.setRemark(bob, carol, "not a friend"))).isFalse();

        assertThat(contacts.friends(alice)).containsExactly(new Friend(carol, null, T0_STORED),
                new Friend(bob, "Bobby", T0_STORED.plusSeconds(1)), new Friend(dave, null, T0_STORED.plusSeconds(2)));
        assertThat(contacts.friends(bob)).containsExactly(new Friend(alice, "Al", T0_STORED.plusSeconds(1)));
        List<AccountId> friendIds = write(w -> w.friendIds(alice));
        assertThat(friendIds).containsExactly(carol, bob, dave);
        assertThat(contacts.friends(newAccount())).isEmpty();

        assertThat(check(w -> w.setRemark(alice, bob, null))).isTrue();
        assertThat(contacts.friends(alice)).contains(new Friend(bob, null, T0_STORED.plusSeconds(1)));
    }

    @Test
    void blocksAreOneWayAndListedNewestFirst() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        AccountId carol = newAccount();

        assertThat(check(w -> w.block(alice, bob, T0))).isTrue();
        assertThat(check(w -> w.block(alice, bob, T0.plusSeconds(5)))).isFalse();
        assertThat(check(w -> w.block(alice, carol, T0.plusSeconds(1)))).isTrue();

        assertThat(contacts.isBlocked(alice, bob)).isTrue();
        assertThat(contacts.isBlocked(bob, alice)).isFalse();
        assertThat(check(w -> w.isBlocked(alice, carol))).isTrue();
        assertThat(contacts.blocked(alice)).containsExactly(new Block(carol, T0_STORED.plusSeconds(1)),
                new Block(bob, T0_STORED));
        assertThat(contacts.blocked(bob)).isEmpty();

        assertThat(check(w -> w.unblock(alice, bob))).isTrue();
        assertThat(check(w -> w.unblock(alice, bob))).isFalse();
        assertThat(contacts.isBlocked(alice, bob)).isFalse();
        assertThat(check(w -> w.isBlocked(alice, bob))).isFalse();
        assertThat(contacts.blocked(alice)).containsExactly(new Block(carol, T0_STORED.plusSeconds(1)));
    }

    @Test
    void presenceAudienceIsTheFriendsTheAccountHasNotBlocked() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        AccountId carol = newAccount();
        AccountId dave = newAccount();
        AccountId eve = newAccount();
        write(w -> w.addFriendship(alice, bob, T0) && w.addFriendship(alice, carol, T0)
                && w.addFriendship(dave, alice, T0));
        write(w -> w.block(alice, carol, T0) && w.block(dave, alice, T0) && w.block(alice, eve, T0));

        assertThat(contacts.presenceAudience(alice)).containsExactlyInAnyOrder(bob, dave);
        assertThat(contacts.presenceAudience(carol)).containsExactly(alice);
        assertThat(contacts.presenceAudience(dave)).as("dave blocked alice").isEmpty();
        assertThat(contacts.presenceAudience(eve)).isEmpty();
    }

    @Test
    void storesARequestAndChangesItsStatus() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();

        FriendRequest sent = request(alice, bob, false, T0, T0.plus(TTL));

        FriendRequest expected = new FriendRequest(sent.id(), alice, bob, "hi from " + alice,
                FriendRequestStatus.PENDING, false, T0_STORED, T0_STORED, T0_STORED.plus(TTL));
        assertThat(sent).isEqualTo(expected);
        assertThat(contacts.request(sent.id())).contains(expected);
        assertThat(lookUp(w -> w.requestForUpdate(sent.id()))).contains(expected);
        assertThat(lookUp(w -> w.pendingRequest(alice, bob))).contains(expected);
        assertThat(lookUp(w -> w.latestRequest(alice, bob))).contains(expected);
        assertThat(lookUp(w -> w.pendingRequest(bob, alice))).isEmpty();
        assertThat(lookUp(w -> w.latestRequest(bob, alice))).isEmpty();

        FriendRequest accepted = write(w -> w.setRequestStatus(sent.id(), FriendRequestStatus.ACCEPTED,
                T0.plusSeconds(60)));

        FriendRequest expectedAccepted = new FriendRequest(sent.id(), alice, bob, "hi from " + alice,
                FriendRequestStatus.ACCEPTED, false, T0_STORED, T0_STORED.plusSeconds(60), T0_STORED.plus(TTL));
        assertThat(accepted).isEqualTo(expectedAccepted);
        assertThat(contacts.request(sent.id())).contains(expectedAccepted);
        assertThat(lookUp(w -> w.pendingRequest(alice, bob))).isEmpty();
        assertThat(lookUp(w -> w.latestRequest(alice, bob))).contains(expectedAccepted);
    }

    @Test
    void anUnknownRequestIsNotFound() {
        FriendRequestId unknown = new FriendRequestId(Long.MAX_VALUE);

        assertThat(contacts.request(unknown)).isEmpty();
        assertThat(lookUp(w -> w.requestForUpdate(unknown))).isEmpty();
        assertThatThrownBy(() -> write(w -> w.setRequestStatus(unknown, FriendRequestStatus.DECLINED, T0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pendingAndLatestRequestAreTheNewestOfTheirKind() {
        AccountId alice = newAccount();
        AccountId bob = newAccount();
        FriendRequest older = request(alice, bob, false, T0, T0.plusSeconds(1));
        FriendRequest newer = request(alice, bob, false, T0.plusSeconds(10), T0.plus(TTL));

        assertThat(lookUp(w -> w.pendingRequest(alice, bob))).contains(newer);

        FriendRequest declined = write(w -> w.setRequestStatus(newer.id(), FriendRequestStatus.DECLINED,
                T0.plusSeconds(20)));

        assertThat(lookUp(w -> w.pendingRequest(alice, bob))).as("pending, though expired").contains(older);
        assertThat(lookUp(w -> w.latestRequest(alice, bob))).contains(declined);
    }

    @Test
    void incomingShowsOpenRequestsButNotWithheldOnesWhileOutgoingShowsBoth() {
        Instant now = Instant.parse("2030-05-01T00:00:00Z");
        AccountId bob = newAccount();
        AccountId alice = newAccount();
        AccountId carol = newAccount();
        AccountId dave = newAccount();
        AccountId eve = newAccount();
        AccountId frank = newAccount();
        FriendRequest fromAlice = request(alice, bob, false, now.minusSeconds(30), now.plus(TTL));
        FriendRequest aliceToCarol = request(alice, carol, false, now.minusSeconds(5), now.plus(TTL));
        FriendRequest withheld = request(carol, bob, true, now.minusSeconds(20), now.plus(TTL));
        FriendRequest expiring = request(dave, bob, false, now.minus(TTL), now);
        FriendRequest declined = request(eve, bob, false, now.minusSeconds(15), now.plus(TTL));
        write(w -> w.setRequestStatus(declined.id(), FriendRequestStatus.DECLINED, now.minusSeconds(1)));
        FriendRequest fromFrank = request(frank, bob, false, now.minusSeconds(10), now.plus(TTL));

        assertThat(contacts.incoming(bob, now)).containsExactly(fromFrank, fromAlice);
        assertThat(contacts.incoming(bob, now.minusMillis(1))).as("not yet expired")
                .containsExactly(fromFrank, fromAlice, expiring);
        assertThat(contacts.outgoing(carol, now)).containsExactly(withheld);
        assertThat(contacts.outgoing(alice, now)).containsExactly(aliceToCarol, fromAlice);
        assertThat(contacts.outgoing(dave, now)).as("expired at its expiry time").isEmpty();
        assertThat(contacts.outgoing(dave, now.minusMillis(1))).containsExactly(expiring);
        assertThat(contacts.outgoing(eve, now)).isEmpty();
        assertThat(contacts.incoming(carol, now)).containsExactly(aliceToCarol);
        assertThat(contacts.incoming(alice, now)).isEmpty();
    }

    @Test
    void updateProfileWritesTheFieldsThatFindingByEmailAndPhoneHonour() {
        String email = uniqueEmail();
        String phone = uniquePhone();
        Account created = stores().accounts().create(new NewAccount(uniqueName("profile"), "Old", email, phone,
                "hash", T0));
        AccountId id = created.id();

        write(w -> {
            w.updateProfile(id, new ProfileFields("New", "https://example.org/a.png", email, phone, false, true));
            return null;
        });

        Account hiddenByEmail = stores().accounts().findById(id).orElseThrow();
        assertThat(ProfileFields.of(hiddenByEmail))
                .isEqualTo(new ProfileFields("New", "https://example.org/a.png", email, phone, false, true));
        assertThat(hiddenByEmail.passwordHash()).isEqualTo("hash");
        assertThat(stores().accounts().findFindableByEmail(email)).isEmpty();
        assertThat(stores().accounts().findFindableByPhone(phone)).containsExactly(hiddenByEmail);

        String newEmail = uniqueEmail();
        write(w -> {
            w.updateProfile(id, new ProfileFields(null, null, newEmail, phone, true, false));
            return null;
        });

        Account hiddenByPhone = stores().accounts().findById(id).orElseThrow();
        assertThat(ProfileFields.of(hiddenByPhone))
                .isEqualTo(new ProfileFields(null, null, newEmail, phone, true, false));
        assertThat(stores().accounts().findFindableByEmail(newEmail)).containsExactly(hiddenByPhone);
        assertThat(stores().accounts().findFindableByEmail(email)).isEmpty();
        assertThat(stores().accounts().findFindableByPhone(phone)).isEmpty();
        assertThatThrownBy(() -> write(w -> {
            w.updateProfile(new AccountId(Long.MAX_VALUE), ProfileFields.of(hiddenByPhone));
            return null;
        })).isInstanceOf(IllegalArgumentException.class);
    }
}
