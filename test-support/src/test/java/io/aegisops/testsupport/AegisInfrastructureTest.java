package io.aegisops.testsupport;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AegisInfrastructureTest {

    @Test
    void shouldStartDatabaseAndBrokerBehindOneResource() throws Exception {
        AegisInfrastructure infrastructure = new AegisInfrastructure();
        infrastructure.init(Map.of(AegisInfrastructure.DATABASE, "remediation"));

        Map<String, String> config = infrastructure.start();
        try {
            assertThat(config).containsOnlyKeys("quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                    "quarkus.datasource.password", "quarkus.datasource.devservices.enabled",
                    "kafka.bootstrap.servers", "quarkus.kafka.devservices.enabled");
            assertThat(config.get("kafka.bootstrap.servers")).isEqualTo(KafkaResource.bootstrapServers());
            try (Connection connection = PostgresResourceTest.connect(config)) {
                assertThat(PostgresResourceTest.query(connection, "select current_database()"))
                        .startsWith("remediation_");
            }
        } finally {
            infrastructure.stop();
        }
    }
}
