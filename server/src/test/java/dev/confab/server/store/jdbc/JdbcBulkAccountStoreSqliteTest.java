package dev.confab.server.store.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcBulkAccountStoreSqliteTest extends BulkAccountStoreContract {

    @RegisterExtension
    static final JdbcStoresExtension DATABASE = JdbcStoresExtension.sqlite();

    @Override
    protected Stores stores() {
        return DATABASE.stores();
    }
}
