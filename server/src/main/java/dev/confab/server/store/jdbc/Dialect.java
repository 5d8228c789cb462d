package dev.confab.server.store.jdbc;

/** The SQL databases Confab runs on, each with its own migration folder. */
public enum Dialect {
    SQLITE("jdbc:sqlite:", "classpath:db/migration/sqlite"),
    POSTGRESQL("jdbc:postgresql:", "classpath:db/migration/postgresql");

    private final String urlPrefix;
    private final String migrations;

    Dialect(String urlPrefix, String migrations) {
        this.urlPrefix = urlPrefix;
        this.migrations = migrations;
    }

    /**
     * The dialect a JDBC URL names.
     *
     * @throws IllegalArgumentException for any other kind of URL
     */
    public static Dialect ofUrl(String jdbcUrl) {
        for (Dialect dialect : values()) {
            if (jdbcUrl.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("unsupported database URL: expected jdbc:sqlite: or jdbc:postgresql:");
    }

    /** Flyway location of this dialect's migrations. */
    String migrations() {
        return migrations;
    }

    String urlPrefix() {
        return urlPrefix;
    }
}
