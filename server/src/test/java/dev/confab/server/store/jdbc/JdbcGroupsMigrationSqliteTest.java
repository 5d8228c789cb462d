package dev.confab.server.store.jdbc;

import dev.confab.server.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class JdbcGroupsMigrationSqliteTest extends GroupsMigrationContract {

    @TempDir
    Path dir;

    @Override
    protected DatabaseSettings settings() {
        return TestDatabases.sqlite(dir);
    }
}
