package io.aegisops.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresResourceTest {

    private final List<PostgresResource> started = new ArrayList<>();

    @AfterEach
    void stopResources() {
        started.forEach(PostgresResource::stop);
    }

    @Test
    void shouldServeARealPostgres15DatabaseThroughTheReturnedConfig() throws SQLException {
        Map<String, String> config = start(Map.of(PostgresResource.DATABASE, "monitor"));

        try (Connection connection = connect(config)) {
            assertThat(query(connection, "select version()")).startsWith("PostgreSQL 15.");
            assertThat(query(connection, "select current_database()")).startsWith("monitor_");
            assertThat(query(connection, "select current_user")).isEqualTo(config.get("quarkus.datasource.username"));
            execute(connection, "create table incident (id text primary key)");
            execute(connection, "insert into incident values ('inc-1')");
            assertThat(query(connection, "select id from incident")).isEqualTo("inc-1");
        }
    }

    @Test
    void shouldTurnDevServicesOffAndReturnOnlyDatasourceKeys() {
        Map<String, String> config = start(Map.of());

        assertThat(config).containsOnlyKeys("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                "quarkus.datasource.password", "quarkus.datasource.devservices.enabled");
        assertThat(config).containsEntry("quarkus.datasource.devservices.enabled", "false");
        assertThat(config.get("quarkus.datasource.jdbc.url")).matches("jdbc:postgresql://localhost:\\d+/aegis_[0-9a-f]{8}");
        assertThat(config.get("quarkus.datasource.password")).matches("[0-9a-f]{32}");
    }

    @Test
    void shouldGiveEveryStartItsOwnDatabaseOnOneSharedServer() throws SQLException {
        Map<String, String> first = start(Map.of(PostgresResource.DATABASE, "approval"));
        Map<String, String> second = start(Map.of(PostgresResource.DATABASE, "approval"));

        assertThat(first.get("quarkus.datasource.jdbc.url")).isNotEqualTo(second.get("quarkus.datasource.jdbc.url"));
        assertThat(port(first)).isEqualTo(port(second)).isEqualTo(System.getProperty(SharedPostgres.PORT_PROPERTY));
        try (Connection connection = connect(first)) {
            execute(connection, "create table decision (id text)");
        }
        try (Connection connection = connect(second)) {
            assertThat(query(connection, "select count(*) from information_schema.tables where table_name = 'decision'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void shouldDropTheDatabaseWhenStopped() throws SQLException {
        PostgresResource resource = new PostgresResource();
        resource.init(Map.of());
        Map<String, String> config = resource.start();
        Connection leftOpen = connect(config);

        resource.stop();

        assertThat(leftOpen.isValid(5)).isFalse();
        assertThatThrownBy(() -> connect(config).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("does not exist");
        leftOpen.close();
    }

    @Test
    void shouldRejectADatabaseNameThatIsNotASafeIdentifier() {
        PostgresResource resource = new PostgresResource();

        assertThatThrownBy(() -> resource.init(Map.of(PostgresResource.DATABASE, "monitor; drop role postgres")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database base name must match")
                .hasMessageContaining("monitor; drop role postgres");
        assertThatThrownBy(() -> resource.init(Map.of(PostgresResource.DATABASE, "Monitor")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Map<String, String> start(Map<String, String> initArgs) {
        PostgresResource resource = new PostgresResource();
        resource.init(initArgs);
        Map<String, String> config = resource.start();
        started.add(resource);
        return config;
    }

    static Connection connect(Map<String, String> config) throws SQLException {
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
    }

    static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row from %s", sql).isTrue();
            return result.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String port(Map<String, String> config) {
        return config.get("quarkus.datasource.jdbc.url").replaceAll("^jdbc:postgresql://localhost:(\\d+)/.*$", "$1");
    }
}
