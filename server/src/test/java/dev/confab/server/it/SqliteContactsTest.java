package dev.confab.server.it;

import dev.confab.server.testing.Backend;

class SqliteContactsTest extends ContactsSuite {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
