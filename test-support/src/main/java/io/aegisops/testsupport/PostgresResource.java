package io.aegisops.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a Quarkus test application a fresh database on the JVM's shared embedded PostgreSQL 15 server.
 * Each start creates {@code <database>_<random>} with its own owner role; stop drops both. The server itself
 * outlives the application so the next test class (or test profile) does not pay for another initdb.
 *
 * <p>Init arg {@value #DATABASE} (optional, default {@value #DEFAULT_DATABASE}) names the database after the
 * service, which makes a failing test's SQL log easier to read.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    /** Init arg: base name of the database, {@code [a-z][a-z0-9_]{0,39}}. */
    public static final String DATABASE = "database";
    static final String DEFAULT_DATABASE = "aegis";

    private String baseName = DEFAULT_DATABASE;
    private TestDatabase database;

    @Override
    public void init(Map<String, String> initArgs) {
        baseName = TestDatabase.requireValidBaseName(initArgs.getOrDefault(DATABASE, DEFAULT_DATABASE));
    }

    /**
     * @return {@code quarkus.datasource.jdbc.url}, {@code .username}, {@code .password} and
     *         {@code quarkus.datasource.devservices.enabled=false}
     */
    @Override
    public Map<String, String> start() {
        database = TestDatabase.create(baseName);
        return database.quarkusConfig();
    }

    @Override
    public void stop() {
        if (database != null) {
            database.drop();
            database = null;
        }
    }
}
