package dev.confab.server.it;

import dev.confab.server.testing.Backend;

class SqliteCrashRecoveryTest extends CrashRecoverySuite {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
