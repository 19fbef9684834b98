package io.aegisops.testsupport;

import io.aegisops.contract.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaResourceTest {

    @Test
    void shouldPointQuarkusAtTheSharedBrokerAndTurnDevServicesOff() {
        KafkaResource resource = new KafkaResource();

        Map<String, String> config = resource.start();

        assertThat(config).containsOnly(
                Map.entry("kafka.bootstrap.servers", KafkaResource.bootstrapServers()),
                Map.entry("quarkus.kafka.devservices.enabled", "false"));
        assertThat(KafkaResource.bootstrapServers()).matches("localhost:\\d+");
        resource.stop();
        assertThat(new KafkaResource().start()).isEqualTo(config);
    }

    @Test
    void shouldCreateTheContractTopicsUpFront() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaResource.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .contains(Topics.ALERTS, Topics.DIAGNOSES, Topics.APPROVALS, Topics.REMEDIATIONS);
        }
    }
}
