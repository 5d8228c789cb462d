package dev.confab.server.accounts;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.cluster.EventBus;
import dev.confab.server.cluster.SessionEnd;
import dev.confab.server.errors.ConfabException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Many accounts at once, for load tests and seeding (the admin API): accounts {@code <prefix><n>} for
 * n = 0 to count - 1, each with a fresh session, written in batches of {@value #BATCH_SIZE} accounts per
 * transaction.
 *
 * <ul>
 *   <li>The password is checked by the usual rules and hashed <em>once</em>: every account created by one
 *       call stores the same hash string (the same salt). That is what makes the call fast, and it is fine
 *       for provisioning; it is not how people's accounts should be made.</li>
 *   <li>Each session is on the device whose id is the requested username, named {@code deviceName}; its
 *       token is made and stored (as a hash) exactly as a login's, and it lives as long as a login's.</li>
 *   <li>An account that already has such a name (ignoring case) is reused as it is, password included,
 *       and gets a fresh session, which replaces the one an earlier call left on that device (under
 *       {@link SessionPolicy#SINGLE_SESSION}, every other session of the account); the replaced sessions'
 *       sockets are closed as after a login. So a load test can run again on the same database.</li>
 *   <li>When a batch fails, the batches before it stay committed; calling again with the same
 *       arguments completes the work.</li>
 * </ul>
 *
 * Blocking (hashing, database); call from a virtual thread.
 */
public final class BulkProvisioning {
    /** Accounts per store batch, each batch one transaction. */
    public static final int BATCH_SIZE = 1000;

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,30}");

    private final BulkAccountStore store;
    private final PasswordHasher hasher;
    private final SessionTokens tokens;
    private final AccountRules rules;
    private final AccountLimits limits;
    private final int maxCount;
    private final EventBus bus;
    private final Clock clock;

    /** @param maxCount the most accounts one call may provision */
    public BulkProvisioning(BulkAccountStore store, PasswordHasher hasher, SessionTokens tokens, AccountLimits limits,
                            int maxCount, EventBus bus, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.tokens = tokens;
        this.rules = new AccountRules(limits);
        this.limits = limits;
        this.maxCount = maxCount;
        this.bus = bus;
        this.clock = clock;
    }

    /** A provisioned account, with its username as stored and the bearer token of its new session. */
    public record Provisioned(AccountId id, String username, String token) {
    }

    /**
     * Provisions the accounts; returns them in the order of n.
     *
     * @throws ConfabException {@code request.invalid} for a missing count or one outside 1 to the limit;
     *                         {@code account.invalid_username} when the prefix makes invalid usernames;
     *                         {@code account.invalid_password} for a password outside the length rules
     */
    public List<Provisioned> provision(String prefix, Integer count, String password, String deviceName) {
        int total = count(count);
        String checkedPrefix = prefix(prefix, total);
        String passwordHash = hasher.hash(rules.password(password));
        String device = AccountService.deviceName(deviceName);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        boolean single = limits.sessionPolicy() == SessionPolicy.SINGLE_SESSION;
        List<Provisioned> provisioned = new ArrayList<>(total);
        for (int from = 0; from < total; from += BATCH_SIZE) {
            int to = Math.min(total, from + BATCH_SIZE);
            List<BulkAccountStore.Seat> seats = new ArrayList<>(to - from);
            List<String> secrets = new ArrayList<>(to - from);
            for (int n = from; n < to; n++) {
                String username = checkedPrefix + n;
                String token = tokens.newSecret();
                secrets.add(token);
                seats.add(new BulkAccountStore.Seat(username, tokens.newSessionId(), username, tokens.hash(token)));
            }
            BulkAccountStore.Result result = store.provision(new BulkAccountStore.Batch(seats, passwordHash, device, now,
                    now.plus(limits.sessionMaxAge()), single));
            bus.endSessions(result.replaced(), single ? SessionEnd.REPLACED : SessionEnd.ENDED, device);
            for (int i = 0; i < seats.size(); i++) {
                BulkAccountStore.Seated account = result.accounts().get(i);
                provisioned.add(new Provisioned(account.id(), account.username(), secrets.get(i)));
            }
        }
        return provisioned;
    }

    private int count(Integer count) {
        if (count == null) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'count' is required.");
        }
        if (count < 1 || count > maxCount) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'count' must be 1 to " + maxCount
                    + " (admin.max-bulk-accounts), was " + count + ".");
        }
        return count;
    }

    /** The prefix, if both the first and the last username it makes are valid (they differ only in length). */
    private String prefix(String prefix, int count) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new ConfabException(ErrorCode.ACCOUNT_INVALID_USERNAME, "'prefix' must be 1 to 31 characters:"
                    + " letters A-Z and a-z, digits, '.', '_' and '-', starting with a letter or digit.");
        }
        String first = prefix + 0;
        String last = prefix + (count - 1);
        try {
            rules.username(first);
            rules.username(last);
        } catch (ConfabException e) {
            throw new ConfabException(ErrorCode.ACCOUNT_INVALID_USERNAME, "With this prefix the usernames would run"
                    + " from '" + first + "' to '" + last + "'; usernames are 3 to 32 characters.");
        }
        return prefix;
    }
}
