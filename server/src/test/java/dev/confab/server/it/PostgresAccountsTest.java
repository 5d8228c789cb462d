package dev.confab.server.it;

import dev.confab.server.testing.Backend;

class PostgresAccountsTest extends AccountsSuite {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
