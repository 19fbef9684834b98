package io.aegisops.testsupport.quarkus;

import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uses test-support exactly as a service does: one annotation, then the application's own datasource and
 * Kafka channels must reach the embedded servers, and the test's KafkaTestClient must find the same broker
 * from the Quarkus class loader.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "probe"))
class AegisInfrastructureQuarkusTest {

    private final DataSource dataSource;
    private final String bootstrapServers;

    AegisInfrastructureQuarkusTest(DataSource dataSource,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
    }

    @Test
    void shouldConnectTheApplicationDatasourceToAFreshPostgres15Database() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select version(), current_database()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).startsWith("PostgreSQL 15.");
            assertThat(result.getString(2)).startsWith("probe_");
        }
    }

    @Test
    void shouldCarryARecordThroughTheApplicationsKafkaChannels() {
        String key = UUID.randomUUID().toString();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            kafka.send("probe.in", key, "all systems nominal");

            ConsumerRecord<String, String> shouted = kafka.awaitRecords("probe.out",
                    record -> "ALL SYSTEMS NOMINAL".equals(record.value()), 1, Duration.ofSeconds(30)).get(0);

            assertThat(shouted.value()).isEqualTo("ALL SYSTEMS NOMINAL");
        }
        assertThat(bootstrapServers).isEqualTo(io.aegisops.testsupport.KafkaResource.bootstrapServers());
    }
}
