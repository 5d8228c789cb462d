package dev.confab.server.it;

import dev.confab.server.testing.Backend;

class SqliteAdminTest extends AdminSuite {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
