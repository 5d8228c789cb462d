package dev.confab.server.store.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcSessionStoreSqliteTest extends SessionStoreContract {

    @RegisterExtension
    static final JdbcStoresExtension DATABASE = JdbcStoresExtension.sqlite();

    @Override
    protected Stores stores() {
        return DATABASE.stores();
    }
}
