package io.aegisops.contract;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    @Test
    void shouldRoundTripAnEventWithItsData() {
        IncidentView incident = new IncidentView("i-1", "buggy-app", "buggy-app", null, IncidentStatus.OPEN,
                Severity.CRITICAL, List.of(AlertType.CRASH), 1, OffsetDateTime.parse("2026-01-01T10:00:00Z"),
                OffsetDateTime.parse("2026-01-01T10:00:00Z"));
        CloudEvent event = EventCodec.create("/aegisops/test", EventTypes.INCIDENT_STATUS_CHANGED, "i-1",
                "buggy-app", incident);

        CloudEvent decoded = EventCodec.decode(EventCodec.encode(event));

        assertThat(decoded.id()).isEqualTo(event.id());
        assertThat(decoded.incidentid()).isEqualTo("i-1");
        assertThat(decoded.specversion()).isEqualTo("1.0");
        assertThat(EventCodec.data(decoded, IncidentView.class)).isEqualTo(incident);
    }

    @Test
    void shouldWriteCloudEventsAttributeNames() {
        String json = EventCodec.encode(EventCodec.create("/s", "t", "i", null, java.util.Map.of("a", 1)));

        assertThat(json).contains("\"specversion\":\"1.0\"", "\"incidentid\":\"i\"", "\"data\":{\"a\":1}")
                .doesNotContain("\"subject\"");
    }

    @Test
    void shouldRejectTextThatIsNotACloudEvent() {
        assertThatThrownBy(() -> EventCodec.decode("{not json"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("not a CloudEvent");
        assertThatThrownBy(() -> EventCodec.decode("{\"specversion\":\"0.3\",\"id\":\"x\",\"type\":\"t\",\"source\":\"s\"}"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("specversion");
        assertThatThrownBy(() -> EventCodec.decode("{\"specversion\":\"1.0\",\"type\":\"t\",\"source\":\"s\"}"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("'id'");
    }

    @Test
    void shouldOnlyEnrolContainersWithTheExactOptInLabel() {
        assertThat(Labels.isEnabled(java.util.Map.of("aegis.enable", "true"))).isTrue();
        assertThat(Labels.isEnabled(java.util.Map.of("aegis.enable", "yes"))).isFalse();
        assertThat(Labels.isEnabled(java.util.Map.of())).isFalse();
        assertThat(Labels.serviceOf(java.util.Map.of("com.docker.compose.service", "web"), "/x_web_1")).isEqualTo("web");
        assertThat(Labels.serviceOf(java.util.Map.of(), "/plain")).isEqualTo("plain");
    }
}
