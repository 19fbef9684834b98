package io.aegisops.testsupport;

import io.aegisops.contract.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The one Kafka broker of a test JVM: a single KRaft node that is broker and controller at once, run in-process
 * by Kafka's own test kit. Started on first use, shared by every test class, closed by a shutdown hook. Tests
 * share its topics, so they tell their records apart by key (incident id), not by position.
 *
 * <p>Like {@link SharedPostgres}, "once per JVM" must hold across Quarkus' class loaders: the bootstrap address
 * is published as a system property and the start is guarded by an interned string.
 */
final class SharedKafka {

    static final String BOOTSTRAP_PROPERTY = "aegisops.test.kafka.bootstrap-servers";

    private static final Logger LOG = Logger.getLogger(SharedKafka.class);
    // String literals are interned JVM-wide: the one lock every class loader's copy of this class agrees on.
    private static final Object JVM_WIDE_LOCK = "io.aegisops.testsupport.SharedKafka.lock";

    private SharedKafka() {
    }

    /** {@code host:port} of the running broker, starting it if this JVM has none yet. */
    static String bootstrapServers() {
        synchronized (JVM_WIDE_LOCK) {
            String published = System.getProperty(BOOTSTRAP_PROPERTY);
            if (published != null) {
                return published;
            }
            KafkaClusterTestKit cluster = start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(cluster), "aegis-kafka-shutdown"));
            System.setProperty(BOOTSTRAP_PROPERTY, cluster.bootstrapServers());
            return cluster.bootstrapServers();
        }
    }

    private static KafkaClusterTestKit start() {
        QuietLogs.quiet("kafka", "org.apache.kafka", "state.change.logger");
        long begin = System.nanoTime();
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(Files.createTempDirectory(TestDirectories.create("kafka"), "kraft-"))
                    .build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    // One broker: internal topics cannot have more replicas, and 1 partition creates fastest.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    // Consumers join their group at once instead of waiting 3 s for others that never come.
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    // Dead-letter and test topics appear on first use, as they would with a default broker.
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setDeleteOnClose(true)
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            createContractTopics(cluster.bootstrapServers());
            LOG.infof("Embedded Kafka broker started at %s in %d ms", cluster.bootstrapServers(),
                    SharedPostgres.elapsedMillis(begin));
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka log directory", e);
        } catch (Exception e) {
            stop(cluster);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Embedded Kafka broker did not start: " + e.getMessage(), e);
        }
    }

    /**
     * Creates the contract's topics up front, so a consumer that subscribes before the first record is produced
     * is assigned a partition at once instead of retrying metadata for a topic that does not exist yet.
     */
    private static void createContractTopics(String bootstrapServers) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = List.of(Topics.ALERTS, Topics.DIAGNOSES, Topics.APPROVALS, Topics.REMEDIATIONS)
                    .stream().map(name -> new NewTopic(name, 1, (short) 1)).toList();
            try {
                admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("contract topics not created within 30 s", e);
            }
        }
    }

    private static void stop(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warnf("Embedded Kafka broker did not stop cleanly: %s", e.getMessage());
        }
    }
}
