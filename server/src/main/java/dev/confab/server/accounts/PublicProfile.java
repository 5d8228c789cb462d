package dev.confab.server.accounts;

/** What anyone may see of an account: never its email or phone. */
public record PublicProfile(AccountId id, String username, String displayName, String avatar) {

    public static PublicProfile of(Account account) {
        return new PublicProfile(account.id(), account.username(), account.displayName(), account.avatar());
    }
}
