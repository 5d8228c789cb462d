package dev.confab.server.store.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcMembershipTransactionsPostgresTest extends MembershipTransactionsContract {

    @RegisterExtension
    static final JdbcStoresExtension DATABASE = JdbcStoresExtension.postgres();

    @Override
    protected Stores stores() {
        return DATABASE.stores();
    }

    @Override
    protected Database database() {
        return DATABASE.database();
    }
}
