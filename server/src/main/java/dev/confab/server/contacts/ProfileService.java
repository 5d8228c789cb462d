package dev.confab.server.contacts;

import dev.confab.protocol.ErrorCode;
import dev.confab.server.accounts.Account;
import dev.confab.server.accounts.AccountRules;
import dev.confab.server.accounts.AccountStore;
import dev.confab.server.accounts.AuthenticatedSession;
import dev.confab.server.accounts.ProfileFields;
import dev.confab.server.accounts.PublicProfile;
import dev.confab.server.errors.ConfabException;
import dev.confab.server.events.AccountEvent;
import java.util.regex.Pattern;

/**
 * Editing one's own profile. A change to the public part (display name, avatar) is reported to the
 * owner's devices and to every friend; a change to private fields (email, phone, findability) only to
 * the owner's devices. Blocking.
 */
public final class ProfileService {
    private static final Pattern AVATAR = Pattern.compile("[\\x21-\\x7e]{1,512}");

    private final ContactStore contacts;
    private final AccountStore accounts;
    private final AccountRules rules;
    private final ContactEvents events;

    public ProfileService(ContactStore contacts, AccountStore accounts, AccountRules rules, ContactEvents events) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.rules = rules;
        this.events = events;
    }

    /** A requested change: null leaves a field as it is, an empty string clears it. */
    public record Change(String displayName, String avatar, String email, String phone, Boolean findableByEmail,
                         Boolean findableByPhone) {
    }

    public Account update(AuthenticatedSession who, Change change) {
        Account before = accounts.findById(who.accountId())
                .orElseThrow(() -> new ConfabException(ErrorCode.AUTH_UNAUTHENTICATED));
        ProfileFields after = merge(ProfileFields.of(before), change);
        boolean publicChanged = !java.util.Objects.equals(after.displayName(), before.displayName())
                || !java.util.Objects.equals(after.avatar(), before.avatar());
        if (after.equals(ProfileFields.of(before))) {
            return before;
        }
        events.commit(contacts.write(tx -> {
            tx.updateProfile(before.id(), after);
            PublicProfile profile = new PublicProfile(before.id(), before.username(), after.displayName(), after.avatar());
            tx.record(before.id(), new AccountEvent.ProfileChanged(profile));
            if (publicChanged) {
                tx.friendIds(before.id()).forEach(f -> tx.record(f, new AccountEvent.ProfileChanged(profile)));
            }
            return null;
        }));
        return accounts.findById(before.id()).orElseThrow();
    }

    private ProfileFields merge(ProfileFields current, Change change) {
        return new ProfileFields(
                change.displayName() == null ? current.displayName() : rules.displayName(change.displayName()),
                change.avatar() == null ? current.avatar() : avatar(change.avatar()),
                change.email() == null ? current.email() : rules.email(change.email()),
                change.phone() == null ? current.phone() : rules.phone(change.phone()),
                change.findableByEmail() == null ? current.findableByEmail() : change.findableByEmail(),
                change.findableByPhone() == null ? current.findableByPhone() : change.findableByPhone());
    }

    private static String avatar(String raw) {
        if (raw.isEmpty()) {
            return null;
        }
        if (!AVATAR.matcher(raw).matches()) {
            throw new ConfabException(ErrorCode.ACCOUNT_INVALID_AVATAR);
        }
        return raw;
    }
}
