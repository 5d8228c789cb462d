package dev.confab.server.store.jdbc;

import dev.confab.server.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Opens one migrated database per test class (a SQLite file in a temporary directory, or a fresh
 * PostgreSQL schema) with the JDBC stores over it, and removes it after the class. Register it in a
 * static field with {@code @RegisterExtension}. When the database is missing, each test of the class is
 * reported as skipped with the reason (a class-level skip would be reported as no tests at all).
 */
final class JdbcStoresExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final Function<Path, DatabaseSettings> settingsFor;
    private Path directory;
    private DatabaseSettings settings;
    private Database database;
    private Stores stores;
    private TestAbortedException missingDatabase;

    private JdbcStoresExtension(Function<Path, DatabaseSettings> settingsFor) {
        this.settingsFor = settingsFor;
    }

    static JdbcStoresExtension sqlite() {
        return new JdbcStoresExtension(TestDatabases::sqlite);
    }

    static JdbcStoresExtension postgres() {
        return new JdbcStoresExtension(directory -> TestDatabases.postgres());
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("confab-store-test");
        try {
            settings = settingsFor.apply(directory);
        } catch (TestAbortedException e) {
            missingDatabase = e;
            return;
        }
        database = Database.open(settings);
        stores = Stores.jdbc(database);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (missingDatabase != null) {
            throw new TestAbortedException(missingDatabase.getMessage());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
        }
        if (settings != null) {
            TestDatabases.dropSchema(settings);
        }
        deleteRecursively(directory);
    }

    Stores stores() {
        return stores;
    }

    Database database() {
        return database;
    }

    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
