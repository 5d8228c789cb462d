package dev.confab.server.store.jdbc;

import dev.confab.server.contacts.ContactStore;
import dev.confab.server.contacts.ContactWrites;
import dev.confab.server.contacts.FriendRequest;
import dev.confab.server.events.AccountEvent;
import dev.confab.server.events.AccountEventEncoder;
import dev.confab.server.events.AccountEventStore;
import dev.confab.server.testing.MutableClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the contact and account event contracts: a {@link ContactStore} on a clock the test moves, and
 * an {@link AccountEventStore}, over the database of the test class.
 */
abstract class ContactContract extends StoreContract {

    /** Record text is enough to see that the store keeps exactly what the encoder made. */
    static final AccountEventEncoder ENCODER = AccountEvent::toString;

    protected final MutableClock clock = new MutableClock();
    protected ContactStore contacts;
    protected AccountEventStore events;

    protected abstract Database database();

    @BeforeEach
    void contactStores() {
        contacts = new JdbcContactStore(database(), ENCODER, clock);
        events = new JdbcAccountEventStore(database());
    }

    /** Runs {@code work} in one contact transaction and returns its result. */
    protected <R> R write(Function<ContactWrites, R> work) {
        return contacts.write(work).result();
    }

    /** Runs a change or check that answers yes or no in one contact transaction. */
    protected boolean check(Predicate<ContactWrites> work) {
        return write(work::test);
    }

    /** Looks a friend request up in one contact transaction. */
    protected Optional<FriendRequest> lookUp(Function<ContactWrites, Optional<FriendRequest>> lookup) {
        return write(lookup);
    }

    /** The clock's time as the store keeps it, in whole milliseconds. */
    protected Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
