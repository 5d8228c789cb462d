package dev.confab.server.it;

import dev.confab.server.testing.Backend;

class PostgresAdminTest extends AdminSuite {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
