package dev.confab.server.it;

import dev.confab.server.testing.Backend;

class PostgresContactsTest extends ContactsSuite {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
