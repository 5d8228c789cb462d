package dev.confab.server.store.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcBulkAccountStorePostgresTest extends BulkAccountStoreContract {

    @RegisterExtension
    static final JdbcStoresExtension DATABASE = JdbcStoresExtension.postgres();

    @Override
    protected Stores stores() {
        return DATABASE.stores();
    }
}
