package dev.confab.server.testing;

import dev.confab.server.store.jdbc.DatabaseSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The databases integration tests run against. */
public enum Backend {
    SQLITE, POSTGRESQL;

    /** Configuration overrides pointing a server at a fresh database of this kind. */
    public Map<String, String> overrides(Path dir) {
        DatabaseSettings settings = this == SQLITE ? TestDatabases.sqlite(dir) : TestDatabases.postgres();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("db.url", settings.jdbcUrl());
        if (settings.user() != null) {
            out.put("db.user", settings.user());
        }
        if (settings.schema() != null) {
            out.put("db.schema", settings.schema());
        }
        return out;
    }
}
