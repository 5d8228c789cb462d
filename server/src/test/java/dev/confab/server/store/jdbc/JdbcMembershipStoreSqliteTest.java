package dev.confab.server.store.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcMembershipStoreSqliteTest extends MembershipStoreContract {

    @RegisterExtension
    static final JdbcStoresExtension DATABASE = JdbcStoresExtension.sqlite();

    @Override
    protected Stores stores() {
        return DATABASE.stores();
    }

    @Override
    protected Database database() {
        return DATABASE.database();
    }
}
