package io.aegisops.testsupport;

import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaTestClientTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final KafkaTestClient client = new KafkaTestClient();
    // Each test owns its topic (auto-created), so no test sees another's records.
    private final String topic = "test-" + UUID.randomUUID();

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void shouldReceiveARecordWithItsKeyValueAndHeaders() {
        client.send(topic, "inc-1", "{\"hello\":1}", Map.of("origin", "test"));

        List<ConsumerRecord<String, String>> records = client.awaitRecords(topic, r -> "inc-1".equals(r.key()), 1, WITHIN);

        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo("{\"hello\":1}");
            assertThat(new String(record.headers().lastHeader("origin").value(), StandardCharsets.UTF_8))
                    .isEqualTo("test");
        });
    }

    @Test
    void shouldReadFromTheEarliestOffsetInAFreshConsumerGroup() {
        try (KafkaTestClient producer = new KafkaTestClient(KafkaResource.bootstrapServers())) {
            producer.send(topic, "inc-1", "first");
            producer.send(topic, "inc-1", "second");
            producer.awaitRecords(topic, r -> true, 2, WITHIN);
        }

        List<ConsumerRecord<String, String>> records = client.awaitRecords(topic, r -> true, 2, WITHIN);

        assertThat(records).extracting(ConsumerRecord::value).containsExactly("first", "second");
    }

    @Test
    void shouldRoundTripACloudEventTheWayTheOutboxRelaySendsIt() {
        CloudEvent event = EventCodec.create("/aegisops/test", "io.aegisops.test", "inc-7", "checkout",
                Map.of("reason", "health check failed"));
        client.send(topic, "inc-7", "not a cloud event");

        client.send(topic, event);

        assertThat(client.awaitEvents(topic, e -> "inc-7".equals(e.incidentid()), 1, WITHIN))
                .singleElement().isEqualTo(event);
        ConsumerRecord<String, String> record = client.awaitRecords(topic, r -> r.value().contains(event.id()), 1, WITHIN).get(0);
        assertThat(record.key()).isEqualTo("inc-7");
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo(CloudEvent.CONTENT_TYPE);
    }

    @Test
    void shouldFailNamingTheTopicWhenTooFewRecordsMatchInTime() {
        client.send(topic, "inc-1", "only one");

        assertThatThrownBy(() -> client.awaitRecords(topic, r -> "inc-1".equals(r.key()), 2, Duration.ofMillis(500)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected 2 matching record(s) on " + topic)
                .hasMessageContaining("found 1")
                .hasMessageContaining("only one");
    }

    @Test
    void shouldPassAwaitNoneWhenNoRecordMatches() {
        client.send(topic, "inc-1", "unrelated");

        client.awaitNone(topic, r -> "inc-2".equals(r.key()), Duration.ofMillis(300));

        assertThat(client.awaitRecords(topic, r -> true, 1, WITHIN)).hasSize(1);
    }

    @Test
    void shouldFailAwaitNoneOnAMatchingRecordItHadNotReadYet() {
        client.awaitNone(topic, r -> true, Duration.ofMillis(100));
        try (KafkaTestClient other = new KafkaTestClient()) {
            other.send(topic, "inc-3", "duplicate action");
        }

        assertThatThrownBy(() -> client.awaitNone(topic, r -> "inc-3".equals(r.key()), Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected no matching record on " + topic)
                .hasMessageContaining("duplicate action");
    }

    @Test
    void shouldRejectMeaninglessArguments() {
        assertThatThrownBy(() -> client.awaitRecords(" ", r -> true, 1, WITHIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic");
        assertThatThrownBy(() -> client.awaitRecords(topic, r -> true, 0, WITHIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
        assertThatThrownBy(() -> client.awaitNone(topic, r -> true, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
        assertThatThrownBy(() -> new KafkaTestClient(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrapServers");
    }
}
