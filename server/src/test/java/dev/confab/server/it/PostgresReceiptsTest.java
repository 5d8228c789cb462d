package dev.confab.server.it;

import dev.confab.server.testing.Backend;

class PostgresReceiptsTest extends ReceiptsSuite {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
