package dev.confab.server.accounts;

/**
 * The editable part of an account, as a whole (validated): written by
 * {@link dev.confab.server.contacts.ContactWrites#updateProfile}.
 */
public record ProfileFields(String displayName, String avatar, String email, String phone, boolean findableByEmail,
                            boolean findableByPhone) {

    public static ProfileFields of(Account account) {
        return new ProfileFields(account.displayName(), account.avatar(), account.email(), account.phone(),
                account.findableByEmail(), account.findableByPhone());
    }
}
