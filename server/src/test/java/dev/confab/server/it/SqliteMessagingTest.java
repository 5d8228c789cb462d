package dev.confab.server.it;

import dev.confab.server.testing.Backend;

class SqliteMessagingTest extends MessagingSuite {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
