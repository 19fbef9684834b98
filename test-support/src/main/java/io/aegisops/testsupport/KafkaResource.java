package io.aegisops.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a Quarkus test application at the JVM's shared embedded Kafka broker (KRaft, one node) and turns
 * Quarkus' Docker-based Dev Services for Kafka off. The broker outlives the application; {@link #stop()} leaves
 * it running for the next test class.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    /**
     * {@code host:port} of the shared broker, starting it if needed. For helpers such as {@link KafkaTestClient};
     * safe to call from any class loader, including the test's.
     */
    public static String bootstrapServers() {
        return SharedKafka.bootstrapServers();
    }

    /** @return {@code kafka.bootstrap.servers} and {@code quarkus.kafka.devservices.enabled=false} */
    @Override
    public Map<String, String> start() {
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers(),
                "quarkus.kafka.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // The broker is per JVM, not per application: the shutdown hook closes it.
    }
}
