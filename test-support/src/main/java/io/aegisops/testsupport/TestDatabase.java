package io.aegisops.testsupport;

import org.postgresql.ds.PGSimpleDataSource;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One throw-away database on the shared server, owned by its own login role. A fresh database per Quarkus start
 * lets Flyway migrate from scratch and keeps one service's rows (or one test profile's) out of another's.
 *
 * @param name     database name, also the name of the owning role
 * @param password the role's password (random; the embedded server trusts local connections, but services
 *                 configure a password, so they get one)
 * @param jdbcUrl  where the database is
 */
record TestDatabase(String name, String password, String jdbcUrl) {

    private static final Pattern BASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Creates {@code <baseName>_<random>} and its owner role. */
    static TestDatabase create(String baseName) {
        requireValidBaseName(baseName);
        String name = baseName + "_" + randomHex(4);
        String password = randomHex(16);
        int port = SharedPostgres.port();
        // Identifiers cannot be bound as parameters; both values are checked or generated [a-z0-9_] only.
        execute(port, "create role " + name + " login password '" + password + "'",
                "create database " + name + " owner " + name);
        return new TestDatabase(name, password, jdbcUrl(port, name));
    }

    /** Throws an IllegalArgumentException naming the problem unless the name is a safe lower-case identifier. */
    static String requireValidBaseName(String baseName) {
        if (baseName == null || !BASE_NAME.matcher(baseName).matches()) {
            throw new IllegalArgumentException("database base name must match " + BASE_NAME.pattern()
                    + " (lower-case letter, then letters, digits or '_'), got '" + baseName + "'");
        }
        return baseName;
    }

    /** The keys a Quarkus application with one default datasource needs to use this database. */
    Map<String, String> quarkusConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", name,
                "quarkus.datasource.password", password,
                "quarkus.datasource.devservices.enabled", "false");
    }

    /** Drops the database, closing any connection a stopped application left behind, and its role. */
    void drop() {
        execute(SharedPostgres.port(), "drop database if exists " + name + " with (force)", "drop role if exists " + name);
    }

    private static void execute(int port, String... statements) {
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setUrl(jdbcUrl(port, "postgres"));
        admin.setUser(SharedPostgres.SUPERUSER);
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL on port " + port + " rejected: " + e.getMessage(), e);
        }
    }

    private static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public String toString() {
        return "TestDatabase[" + name + " at " + jdbcUrl + "]";
    }
}
