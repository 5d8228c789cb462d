package dev.confab.server.it;

import dev.confab.server.testing.Backend;

class SqliteAccountsTest extends AccountsSuite {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
