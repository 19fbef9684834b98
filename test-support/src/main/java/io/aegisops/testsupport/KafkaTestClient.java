package io.aegisops.testsupport;

import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.MalformedEventException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Lets a test talk to Kafka the way the services do: send a record and wait until it is acknowledged, or wait
 * for records to appear (or prove that none do) on a topic. Every instance reads each topic from the earliest
 * offset in a consumer group of its own, so a test sees records produced before it started reading; because
 * the broker is shared by all tests in the JVM, predicates should pick records by key or incident id.
 *
 * <p>Records read so far are remembered per topic, so successive awaits on one topic see the same history.
 * Methods are synchronized, so the threads of one test may share a client; close it when the test ends.
 */
public final class KafkaTestClient implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String groupId = "aegis-test-" + UUID.randomUUID();
    private final Map<String, TopicReader> readers = new HashMap<>();
    private KafkaProducer<String, String> producer;

    /** A client of the JVM's shared embedded broker, starting it if needed. */
    public KafkaTestClient() {
        this(KafkaResource.bootstrapServers());
    }

    /** A client of any broker, e.g. the compose stack's external listener in end-to-end tests. */
    public KafkaTestClient(String bootstrapServers) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must be host:port[,host:port...], got '"
                    + bootstrapServers + "'");
        }
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends a record without headers and waits until the broker acknowledged it. */
    public RecordMetadata send(String topic, String key, String value) {
        return send(topic, key, value, Map.of());
    }

    /** Sends a record with UTF-8 string headers and waits until the broker acknowledged it. */
    public synchronized RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
        requireTopic(topic);
        Objects.requireNonNull(headers, "headers");
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer().send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("record to " + topic + " not acknowledged: " + e.getMessage(), e);
        }
    }

    /**
     * Sends an event as the services' outbox relay does: structured-mode CloudEvent JSON, keyed by incident id,
     * with the CloudEvents {@code content-type} header.
     */
    public RecordMetadata send(String topic, CloudEvent event) {
        Objects.requireNonNull(event, "event");
        return send(topic, event.incidentid(), EventCodec.encode(event), Map.of("content-type", CloudEvent.CONTENT_TYPE));
    }

    /**
     * Waits until {@code count} records on {@code topic} match, reading from the earliest offset.
     *
     * @return the first {@code count} matching records, in the order they were read
     * @throws AssertionError naming the topic and what was seen when fewer match within {@code timeout}
     */
    public synchronized List<ConsumerRecord<String, String>> awaitRecords(String topic,
            Predicate<ConsumerRecord<String, String>> predicate, int count, Duration timeout) {
        Objects.requireNonNull(predicate, "predicate");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        requirePositive(timeout, "timeout");
        TopicReader reader = reader(topic);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> matching = reader.matching(predicate);
        while (matching.size() < count && System.nanoTime() < deadline) {
            reader.poll();
            matching = reader.matching(predicate);
        }
        if (matching.size() < count) {
            throw new AssertionError("expected " + count + " matching record(s) on " + topic + " within " + timeout
                    + " but found " + matching.size() + "; " + reader.describeSeen());
        }
        return List.copyOf(matching.subList(0, count));
    }

    /**
     * Waits until {@code count} records on {@code topic} decode as CloudEvents that match. Records that are not
     * CloudEvents (e.g. another test's poison pill) never match.
     *
     * @return the first {@code count} matching events, in the order they were read
     */
    public List<CloudEvent> awaitEvents(String topic, Predicate<CloudEvent> predicate, int count, Duration timeout) {
        Objects.requireNonNull(predicate, "predicate");
        return awaitRecords(topic, record -> decode(record).filter(predicate).isPresent(), count, timeout).stream()
                .map(record -> decode(record).orElseThrow())
                .toList();
    }

    /**
     * Proves absence: reads {@code topic} for the whole {@code period}, then up to the end offsets as of the end
     * of the period, so a record produced within the period is seen however slowly it arrives.
     *
     * @throws AssertionError with the offending record as soon as one matches
     */
    public synchronized void awaitNone(String topic, Predicate<ConsumerRecord<String, String>> predicate,
            Duration period) {
        Objects.requireNonNull(predicate, "predicate");
        requirePositive(period, "period");
        TopicReader reader = reader(topic);
        long deadline = System.nanoTime() + period.toNanos();
        do {
            reader.poll();
            reader.firstMatching(predicate).ifPresent(record -> {
                throw new AssertionError("expected no matching record on " + topic + " but found "
                        + TopicReader.describe(record));
            });
        } while (System.nanoTime() < deadline);
        reader.readToEnd();
        reader.firstMatching(predicate).ifPresent(record -> {
            throw new AssertionError("expected no matching record on " + topic + " but found "
                    + TopicReader.describe(record));
        });
    }

    /** The record's value as a CloudEvent, or empty if it is not one (tombstone, garbage, missing attributes). */
    public static Optional<CloudEvent> decode(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventCodec.decode(record.value()));
        } catch (MalformedEventException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        readers.values().forEach(TopicReader::close);
        readers.clear();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.CLIENT_ID_CONFIG, groupId + "-producer"),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private TopicReader reader(String topic) {
        requireTopic(topic);
        // One group per topic: readers of one client share no group, so an idle reader never stalls a rebalance.
        return readers.computeIfAbsent(topic, name -> new TopicReader(name, bootstrapServers, groupId + "-" + name));
    }

    private static void requireTopic(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + duration);
        }
    }

    /** One topic's consumer and everything it has read so far. */
    private static final class TopicReader {

        private final String topic;
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        TopicReader(String topic, String bootstrapServers, String groupId) {
            this.topic = topic;
            this.consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, groupId,
                    ConsumerConfig.CLIENT_ID_CONFIG, groupId + "-" + topic,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                    new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(topic));
            awaitAssignment();
        }

        /**
         * Absence can only be proven by a consumer that owns the partitions, so the group join happens here,
         * before any await starts its clock.
         */
        private void awaitAssignment() {
            long deadline = System.nanoTime() + ASSIGNMENT_TIMEOUT.toNanos();
            while (consumer.assignment().isEmpty()) {
                if (System.nanoTime() >= deadline) {
                    consumer.close();
                    throw new IllegalStateException("no partition of " + topic + " assigned within "
                            + ASSIGNMENT_TIMEOUT);
                }
                poll();
            }
        }

        void poll() {
            consumer.poll(POLL).forEach(seen::add);
        }

        /** Reads until this consumer's position reaches the end offsets as they are now. */
        void readToEnd() {
            Set<TopicPartition> partitions = consumer.assignment();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + ASSIGNMENT_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() >= deadline) {
                    throw new IllegalStateException("could not read " + topic + " up to " + end + " within "
                            + ASSIGNMENT_TIMEOUT);
                }
                poll();
            }
        }

        List<ConsumerRecord<String, String>> matching(Predicate<ConsumerRecord<String, String>> predicate) {
            return seen.stream().filter(predicate).toList();
        }

        Optional<ConsumerRecord<String, String>> firstMatching(Predicate<ConsumerRecord<String, String>> predicate) {
            return seen.stream().filter(predicate).findFirst();
        }

        String describeSeen() {
            int shown = Math.min(seen.size(), 5);
            return seen.size() + " record(s) read in all" + (shown == 0 ? "" : ", the last " + shown + ": "
                    + seen.subList(seen.size() - shown, seen.size()).stream().map(TopicReader::describe)
                    .collect(Collectors.joining("; ")));
        }

        static String describe(ConsumerRecord<String, String> record) {
            String value = String.valueOf(record.value());
            return record.topic() + "-" + record.partition() + "@" + record.offset() + " key=" + record.key()
                    + " value=" + (value.length() > 300 ? value.substring(0, 300) + "…" : value);
        }

        void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
