package dev.confab.server.contacts;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.Account;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.AccountRules;
import dev.confab.server.accounts.AccountStore;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.accounts.PublicProfile;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.limits.RateLimiter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Finding people. A search matches one whole value exactly — a username (ignoring case), an email or a
 * phone number — never a prefix, so the directory cannot be listed by guessing letters. Email and phone
 * match only accounts that allow it. Answers show public profiles only. Searches are rate-limited per
 * account. Blocking.
 */
public final class PeopleDirectory {
    private final AccountStore accounts;
    private final AccountRules rules;
    private final RateLimiter searches;
    private final int maxLookup;

    public PeopleDirectory(AccountStore accounts, AccountRules rules, RateLimiter searches, int maxLookup) {
        this.accounts = accounts;
        this.rules = rules;
        this.searches = searches;
        this.maxLookup = maxLookup;
    }

    public List<PublicProfile> search(AuthenticatedSession who, String query) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || q.length() > 254) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "'q' is a username, an email or a phone number.");
        }
        if (!searches.tryAcquire("search:" + who.accountId())) {
            throw new ConfabException(ErrorCode.RATE_LIMITED, "Too many searches; wait and retry.");
        }
        List<Account> found;
        if (q.contains("@")) {
            found = valid(() -> rules.email(q)).map(accounts::findFindableByEmail).orElse(List.of());
        } else if (q.startsWith("+")) {
            found = valid(() -> rules.phone(q)).map(accounts::findFindableByPhone).orElse(List.of());
        } else {
            found = accounts.findByUsername(q).stream().toList();
        }
        return found.stream().map(PublicProfile::of).toList();
    }

    /** Public profiles of the given accounts; unknown ids are left out. */
    public List<PublicProfile> profiles(Collection<AccountId> ids) {
        if (ids.size() > maxLookup) {
            throw new ConfabException(ErrorCode.REQUEST_INVALID, "At most " + maxLookup + " ids per lookup.");
        }
        return accounts.findByIds(ids).stream().map(PublicProfile::of).toList();
    }

    /** Public profiles by id, for rendering lists; unknown ids are left out. No size limit (internal use). */
    public java.util.Map<AccountId, PublicProfile> profileMap(Collection<AccountId> ids) {
        return accounts.findByIds(ids.stream().distinct().toList()).stream().map(PublicProfile::of)
                .collect(java.util.stream.Collectors.toMap(PublicProfile::id, p -> p));
    }

    private static Optional<String> valid(java.util.function.Supplier<String> parse) {
        try {
            return Optional.ofNullable(parse.get());
        } catch (ConfabException notThatKind) {
            return Optional.empty();
        }
    }
}
