package dev.confab.server.it;

import dev.confab.server.testing.Backend;

class PostgresGatewayTest extends GatewaySuite {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
