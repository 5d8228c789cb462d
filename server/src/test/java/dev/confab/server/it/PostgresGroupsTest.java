package dev.confab.server.it;

import dev.confab.server.testing.Backend;

class PostgresGroupsTest extends GroupsSuite {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
