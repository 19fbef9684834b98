package io.aegisops.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Everything a stateful AegisOps service needs in a {@code @QuarkusTest}, behind one annotation: a fresh
 * database on the embedded PostgreSQL server ({@link PostgresResource}) and the embedded Kafka broker
 * ({@link KafkaResource}). The two start in parallel on first use, so the first test class waits for the
 * slower of the two instead of their sum.
 *
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusTestResource(value = AegisInfrastructure.class,
 *         initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "monitor"))
 * class IncidentResourceTest { ... }
 * }</pre>
 */
public class AegisInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** Init arg: base name of the service's database, e.g. {@code monitor}; see {@link PostgresResource#DATABASE}. */
    public static final String DATABASE = PostgresResource.DATABASE;

    private final PostgresResource postgres = new PostgresResource();
    private final KafkaResource kafka = new KafkaResource();

    @Override
    public void init(Map<String, String> initArgs) {
        postgres.init(initArgs);
        kafka.init(initArgs);
    }

    /** @return the union of {@link PostgresResource#start()} and {@link KafkaResource#start()} */
    @Override
    public Map<String, String> start() {
        CompletableFuture<Map<String, String>> kafkaConfig = CompletableFuture.supplyAsync(kafka::start,
                task -> new Thread(task, "aegis-kafka-start").start());
        Map<String, String> config = new HashMap<>(postgres.start());
        try {
            config.putAll(kafkaConfig.join());
        } catch (CompletionException e) {
            postgres.stop();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return config;
    }

    @Override
    public void stop() {
        postgres.stop();
        kafka.stop();
    }
}
