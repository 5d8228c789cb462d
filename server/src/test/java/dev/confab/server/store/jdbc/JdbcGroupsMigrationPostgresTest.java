package dev.confab.server.store.jdbc;

import dev.confab.server.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;

class JdbcGroupsMigrationPostgresTest extends GroupsMigrationContract {

    private DatabaseSettings settings;

    @Override
    protected DatabaseSettings settings() {
        settings = TestDatabases.postgres();
        return settings;
    }

    @AfterEach
    void dropSchema() {
        if (settings != null) {
            TestDatabases.dropSchema(settings);
        }
    }
}
