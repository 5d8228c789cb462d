package dev.confab.server.store.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcMembershipTransactionsSqliteTest extends MembershipTransactionsContract {

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
