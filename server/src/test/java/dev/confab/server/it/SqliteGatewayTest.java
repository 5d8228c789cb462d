package dev.confab.server.it;

import dev.confab.server.testing.Backend;

class SqliteGatewayTest extends GatewaySuite {
    @Override
    Backend backend() {
        return Backend.SQLITE;
    }
}
