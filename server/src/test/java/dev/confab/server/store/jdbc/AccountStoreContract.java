package dev.confab.server.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.server.accounts.Account;
import dev.confab.server.accounts.AccountId;
import dev.confab.server.accounts.NewAccount;
import dev.confab.server.accounts.UsernameTakenException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@link dev.confab.server.accounts.AccountStore} contract. */
abstract class AccountStoreContract extends StoreContract {

    @Test
    void storesAnAccountAndFindsItByIdAndByUsernameIgnoringCase() {
        String username = uniqueName("Alice");
        NewAccount input = new NewAccount(username, "Alice A.", "alice@example.org", "+4912345",
                "argon-hash", Instant.parse("2030-01-02T03:04:05.678901Z"));

        Account created = stores().accounts().create(input);

        Account expected = new Account(created.id(), username, "Alice A.", null, "alice@example.org", "+4912345",
                true, true, "argon-hash", Instant.parse("2030-01-02T03:04:05.678Z"), null);
        assertThat(created).isEqualTo(expected);
        assertThat(stores().accounts().findById(created.id())).contains(expected);
        assertThat(stores().accounts().findByUsername(username.toUpperCase())).contains(expected);
        assertThat(stores().accounts().findByUsername(username + "x")).isEmpty();
        assertThat(stores().accounts().findById(new AccountId(Long.MAX_VALUE))).isEmpty();
    }

    @Test
    void keepsOptionalFieldsNull() {
        Account created = stores().accounts().create(newAccountInput(uniqueName("bare")));

        Account found = stores().accounts().findById(created.id()).orElseThrow();
        assertThat(found.email()).isNull();
        assertThat(found.phone()).isNull();
        assertThat(found.avatar()).isNull();
        assertThat(found.lastSeenAt()).isNull();
        assertThat(stores().accounts().findFindableByEmail(null)).isEmpty();
        assertThat(stores().accounts().findFindableByPhone(null)).isEmpty();
    }

    @Test
    void findsNewAccountsByExactEmailAndPhone() {
        String email = uniqueEmail();
        String phone = uniquePhone();
        Account withBoth = stores().accounts().create(new NewAccount(uniqueName("both"), null, email, phone,
                "hash", Instant.parse("2030-01-02T03:04:05Z")));
        Account sharingTheEmail = stores().accounts().create(new NewAccount(uniqueName("twin"), null, email, null,
                "hash", Instant.parse("2030-01-02T03:04:05Z")));

        assertThat(stores().accounts().findFindableByEmail(email)).containsExactly(withBoth, sharingTheEmail);
        assertThat(stores().accounts().findFindableByPhone(phone)).containsExactly(withBoth);
        assertThat(stores().accounts().findFindableByEmail(email.toUpperCase())).as("exact match only").isEmpty();
        assertThat(stores().accounts().findFindableByEmail("x" + email)).isEmpty();
        assertThat(stores().accounts().findFindableByPhone(phone + "0")).isEmpty();
    }

    @Test
    void rejectsAUsernameThatDiffersOnlyInCase() {
        String username = uniqueName("Bob");
        stores().accounts().create(newAccountInput(username));

        assertThatThrownBy(() -> stores().accounts().create(newAccountInput(username.toUpperCase())))
                .isInstanceOf(UsernameTakenException.class);
        assertThatThrownBy(() -> stores().accounts().create(newAccountInput(username)))
                .isInstanceOf(UsernameTakenException.class);
    }

    @Test
    void concurrentSignUpsForOneUsernameStoreExactlyOne() throws Exception {
        String username = uniqueName("race");

        List<Boolean> created = concurrently(10, i -> {
            try {
                stores().accounts().create(newAccountInput(i % 2 == 0 ? username : username.toUpperCase()));
                return true;
            } catch (UsernameTakenException e) {
                return false;
            }
        });

        assertThat(created).containsOnlyOnce(true);
        assertThat(stores().accounts().findByUsername(username)).isPresent();
    }

    @Test
    void findsTheExistingAccountsAmongManyIds() {
        AccountId first = newAccount();
        AccountId second = newAccount();
        List<AccountId> ids = new ArrayList<>(List.of(first, second, first));
        for (long missing = 1; missing <= 1_200; missing++) {
            ids.add(new AccountId(Long.MAX_VALUE - missing));
        }

        List<Account> found = stores().accounts().findByIds(ids);

        assertThat(found).extracting(Account::id).containsExactlyInAnyOrder(first, second);
        assertThat(stores().accounts().findByIds(List.of())).isEmpty();
    }

    @Test
    void updatesPasswordHashAndLastSeen() {
        AccountId id = newAccount();

        stores().accounts().updatePasswordHash(id, "new-hash");
        stores().accounts().updateLastSeen(id, Instant.parse("2031-05-06T07:08:09.123456Z"));

        Account found = stores().accounts().findById(id).orElseThrow();
        assertThat(found.passwordHash()).isEqualTo("new-hash");
        assertThat(found.lastSeenAt()).isEqualTo(Instant.parse("2031-05-06T07:08:09.123Z"));
    }
}
