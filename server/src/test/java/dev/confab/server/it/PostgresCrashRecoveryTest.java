package dev.confab.server.it;

import dev.confab.server.testing.Backend;

class PostgresCrashRecoveryTest extends CrashRecoverySuite {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
