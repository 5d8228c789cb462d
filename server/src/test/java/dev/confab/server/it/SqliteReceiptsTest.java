package dev.confab.server.it;

import dev.confab.server.testing.Backend;

class SqliteReceiptsTest extends ReceiptsSuite {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
