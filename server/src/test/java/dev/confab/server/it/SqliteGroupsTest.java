package dev.confab.server.it;

import dev.confab.server.testing.Backend;

class SqliteGroupsTest extends GroupsSuite {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
