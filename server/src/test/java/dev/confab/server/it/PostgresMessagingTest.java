package dev.confab.server.it;

import dev.confab.server.testing.Backend;

class PostgresMessagingTest extends MessagingSuite {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
